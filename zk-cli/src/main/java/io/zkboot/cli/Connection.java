package io.zkboot.cli;

import java.time.Duration;

import io.zkboot.client.ZkClientSettings;
import io.zkboot.client.ZkConnectionAwaiter;
import io.zkboot.client.ZkProperties;
import io.zkboot.core.ZkTemplate;
import org.apache.curator.framework.CuratorFramework;

/**
 * A connection to ZooKeeper for one command: a started Curator client and a
 * {@link ZkTemplate} on it. The client is built as the starter builds an application's, from
 * {@code zk.*}'s defaults ({@link ZkClientSettings}), with a shorter wait for the connection, a
 * 30 s session and 3 retries.
 */
final class Connection implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Duration SESSION = Duration.ofSeconds(30);

	private static final int RETRIES = 3;

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
		ZkProperties properties = new ZkProperties();
		properties.setConnectionTimeout(WAIT);
		properties.setSessionTimeout(SESSION);
		properties.getRetry().setMaxRetries(RETRIES);
		CuratorFramework client = ZkClientSettings.of(properties, connectString, null, null).builder().build();
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
