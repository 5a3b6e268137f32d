package io.zkboot.coordination;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real ZooKeeper server for a coordination test class, and the clients and lock factories a
 * test opens on it, closed after each test ({@code @RegisterExtension static CoordinationServer
 * zk = new CoordinationServer();}).
 */
final class CoordinationServer implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	private TestingServer server;

	private final List<AutoCloseable> opened = new ArrayList<>();

	final List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.server = new TestingServer(true);
	}

	/** A started, connected client with a short session, so expiry tests stay fast. */
	CuratorFramework client() throws InterruptedException {
		return client(this.server.getConnectString());
	}

	/** A client whose connection can be cut, for sessions that end as they do in production. */
	CuratorFramework partitionable(Partition[] partition) throws Exception {
		partition[0] = new Partition(this.server.getConnectString());
		this.opened.add(partition[0]);
		return client(partition[0].connectString());
	}

	private CuratorFramework client(String connectString) throws InterruptedException {
		CuratorFramework client = CuratorFrameworkFactory.builder()
			.connectString(connectString)
			.sessionTimeoutMs(4_000)
			.connectionTimeoutMs(2_000)
			.retryPolicy(new RetryOneTime(100))
			.build();
		client.start();
		client.blockUntilConnected();
		this.opened.add(0, client);
		return client;
	}

	ZkLocks locks(CuratorFramework client, String identifier) {
		return locks(client, identifier, false);
	}

	ZkLocks locks(CuratorFramework client, String identifier, boolean interruptOnLost) {
		ZkLocks locks = new ZkLocks(client, identifier, this.events::add, ObservationRegistry.NOOP, interruptOnLost);
		this.opened.add(0, locks);
		return locks;
	}

	String connectString() {
		return this.server.getConnectString();
	}

	void restart() throws Exception {
		this.server.restart();
	}

	void stop() throws Exception {
		this.server.stop();
	}

	static void expire(CuratorFramework client) throws Exception {
		client.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
	}

	static String text(byte[] data) {
		return new String(data, StandardCharsets.UTF_8);
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		for (AutoCloseable closeable : this.opened) {
			closeable.close();
		}
		this.opened.clear();
		this.events.clear();
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		this.server.close();
	}

}
