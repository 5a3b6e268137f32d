package io.zkboot.actuate;

import java.time.Duration;

import io.zkboot.client.ZkConnectionState;
import io.zkboot.client.ZkConnectionStateTracker;
import io.zkboot.client.ZkDeferredStartup;
import io.zkboot.core.ZkException;
import io.zkboot.core.ZkServerInfo;
import org.apache.curator.framework.CuratorFramework;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP when the client is connected to ZooKeeper, DOWN when not, and DOWN while the startup
 * work held back for want of a connection ({@link ZkDeferredStartup}) has not run yet; the
 * details name the connect string, the connection state, the session id and the server's
 * version (from the {@code srvr} four-letter word, when the server allows it).
 */
public class ZkHealthIndicator extends AbstractHealthIndicator {

	private final CuratorFramework client;

	private final ZkConnectionStateTracker states;

	private final ZkServerInfo serverInfo;

	private final ZkDeferredStartup deferredStartup;

	/**
	 * Create the indicator.
	 * @param client the client whose connection is reported
	 * @param states the tracker of its connection state
	 * @param deferredStartup the startup work held back, may be {@code null}
	 */
	public ZkHealthIndicator(CuratorFramework client, ZkConnectionStateTracker states,
			ZkDeferredStartup deferredStartup) {
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
		builder.status((connected && !startupPending) ? "UP" : "DOWN")
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

	private String serverVersion() {
		try {
			return this.serverInfo.serverVersion().full();
		}
		catch (ZkException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

}
