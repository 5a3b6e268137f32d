package io.zkboot.actuate;

import java.time.Duration;

import io.zkboot.client.ZkConnectionState;
import io.zkboot.client.ZkConnectionStateTracker;
import io.zkboot.client.ZkDeferredStartup;
import io.zkboot.core.ZkException;
import io.zkboot.core.ZkServerInfo;
import org.apache.curator.framework.CuratorFramework;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * UP when the client is connected to ZooKeeper; OUT_OF_SERVICE while the connection is
 * {@link ZkConnectionState#SUSPENDED SUSPENDED} (Curator is reconnecting, the session may
 * still be alive); DOWN without a session (before the first connection and after LOST), and
 * DOWN while the startup work held back for want of a connection ({@link ZkDeferredStartup})
 * has not run yet. In a readiness group, both DOWN and OUT_OF_SERVICE mean "not ready" (HTTP
 * 503 by default). The details name the connect string, the connection state, the session id
 * and the server's version (from the {@code srvr} four-letter word, sent with the client's
 * own configuration, TLS included, when the server allows it).
 */
public class ZkHealthIndicator extends AbstractHealthIndicator {

	private final CuratorFramework client;

	private final ZkConnectionStateTracker states;

	private final ZkServerInfo serverInfo;

	private final @Nullable ZkDeferredStartup deferredStartup;

	/**
	 * Create the indicator.
	 * @param client the client whose connection is reported
	 * @param states the tracker of its connection state
	 * @param deferredStartup the startup work held back, may be {@code null}
	 */
	public ZkHealthIndicator(CuratorFramework client, ZkConnectionStateTracker states,
			@Nullable ZkDeferredStartup deferredStartup) {
		super("ZooKeeper health check failed");
		this.client = client;
		this.states = states;
		this.serverInfo = new ZkServerInfo(client, Duration.ofSeconds(1));
		this.deferredStartup = deferredStartup;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean connected = this.client.getZookeeperClient().isConnected();
		ZkConnectionState state = this.states.getState();
		boolean startupPending = this.deferredStartup != null && this.deferredStartup.isPending();
		builder.status(status(connected, state, startupPending))
			.withDetail("connectString", this.client.getZookeeperClient().getCurrentConnectionString())
			.withDetail("state", state)
			.withDetail("sessionId", "0x" + Long.toHexString(this.states.getSessionId()));
		if (startupPending) {
			builder.withDetail("startup", "waiting for the first connection to run the deferred startup work");
		}
		if (connected) {
			builder.withDetail("serverVersion", serverVersion());
		}
	}

	private static Status status(boolean connected, ZkConnectionState state, boolean startupPending) {
		if (connected) {
			return startupPending ? Status.DOWN : Status.UP;
		}
		return (state == ZkConnectionState.SUSPENDED) ? Status.OUT_OF_SERVICE : Status.DOWN;
	}

	private String serverVersion() {
		try {
			return this.serverInfo.serverVersion().full();
		}
		catch (ZkException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

}
