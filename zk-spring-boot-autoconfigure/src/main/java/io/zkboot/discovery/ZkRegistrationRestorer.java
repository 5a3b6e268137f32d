package io.zkboot.discovery;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.zkboot.client.ZkConnectionState;
import io.zkboot.client.ZkConnectionStateEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;

import org.springframework.context.ApplicationListener;

/**
 * Registers again after a new session: on {@link ZkConnectionState#CONNECTED} following
 * {@link ZkConnectionState#LOST}, the registry's nodes are re-created at once on a thread
 * of its own, and again every second while that fails and the client stays connected.
 */
public class ZkRegistrationRestorer implements ApplicationListener<ZkConnectionStateEvent>, AutoCloseable {

	private static final Log logger = LogFactory.getLog(ZkRegistrationRestorer.class);

	private static final long RETRY_SECONDS = 1;

	private final ZkServiceRegistry registry;

	private final CuratorFramework client;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "zk-registration-restorer");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Create a restorer.
	 * @param registry the registry whose nodes are re-created
	 * @param client the registry's client
	 */
	public ZkRegistrationRestorer(ZkServiceRegistry registry, CuratorFramework client) {
		this.registry = registry;
		this.client = client;
	}

	@Override
	public void onApplicationEvent(ZkConnectionStateEvent event) {
		if (event.getState() == ZkConnectionState.CONNECTED && event.getPreviousState() == ZkConnectionState.LOST) {
			this.executor.execute(() -> restore(event.getSessionIdHex()));
		}
	}

	private void restore(String session) {
		try {
			List<String> nodePaths = this.registry.restore();
			if (!nodePaths.isEmpty()) {
				logger.info("Registered again in the new ZooKeeper session " + session + ": " + nodePaths);
			}
		}
		catch (RuntimeException ex) {
			if (this.client.getZookeeperClient().isConnected()) {
				logger.warn("Cannot register again in session " + session + "; retrying in " + RETRY_SECONDS + " s", ex);
				this.executor.schedule(() -> restore(session), RETRY_SECONDS, TimeUnit.SECONDS);
			}
			else {
				logger.warn("Cannot register again in session " + session + "; retrying on the next connection", ex);
			}
		}
	}

	/**
	 * Stop restoring.
	 */
	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
