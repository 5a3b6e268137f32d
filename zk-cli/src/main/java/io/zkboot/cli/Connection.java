package io.zkboot.cli;

import java.time.Duration;

import io.zkboot.client.ZkConnectionAwaiter;
import io.zkboot.core.ZkTemplate;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * A connection to ZooKeeper for one command: a started Curator client and a
 * {@link ZkTemplate} on it.
 */
final class Connection implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final CuratorFramework client;

	private final ZkTemplate template;

	private Connection(CuratorFramework client) {
		this.client = client;
		this.template = new ZkTemplate(client);
	}

	/**
	 * Connect, waiting up to ten seconds.
	 * @param connectString where to connect
	 * @return the connection
	 * @throws CliException when no connection is made in time
	 */
	static Connection open(String connectString) {
		CuratorFramework client = CuratorFrameworkFactory.builder()
			.connectString(connectString)
			.retryPolicy(new ExponentialBackoffRetry(100, 3))
			.connectionTimeoutMs((int) WAIT.toMillis())
			.sessionTimeoutMs(30_000)
			.build();
		client.start();
		if (!ZkConnectionAwaiter.connected(client, WAIT)) {
			client.close();
			throw new CliException("cannot connect to ZooKeeper at " + connectString + " within "
					+ WAIT.toSeconds() + " s");
		}
		return new Connection(client);
	}

	CuratorFramework client() {
		return this.client;
	}

	ZkTemplate template() {
		return this.template;
	}

	@Override
	public void close() {
		this.client.close();
	}

}
