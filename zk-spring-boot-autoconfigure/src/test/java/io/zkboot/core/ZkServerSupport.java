package io.zkboot.core;

import java.nio.charset.StandardCharsets;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.RetryPolicy;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A real ZooKeeper server (Curator's {@link TestingServer}) per test class, a fresh client and
 * template per test, and an empty tree at the start of each test.
 */
abstract class ZkServerSupport {

	static TestingServer server;

	CuratorFramework client;

	ZkTemplate template;

	@BeforeAll
	static void startServer() throws Exception {
		server = new TestingServer(true);
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.close();
	}

	@BeforeEach
	void connect() throws Exception {
		this.client = newClient();
		this.template = new ZkTemplate(this.client);
		for (String child : this.template.getChildren("/")) {
			if (!child.equals("zookeeper")) {
				this.template.deleteRecursive("/" + child, DeleteOptions.defaults().withForce());
			}
		}
	}

	@AfterEach
	void disconnect() {
		this.client.close();
	}

	static CuratorFramework newClient() throws InterruptedException {
		return newClient(new RetryOneTime(100), 5_000);
	}

	/** A started, connected client whose own (Curator) retries are chosen by the test. */
	static CuratorFramework newClient(RetryPolicy retryPolicy, int connectionTimeoutMs) throws InterruptedException {
		CuratorFramework client = CuratorFrameworkFactory.builder()
			.connectString(server.getConnectString())
			.sessionTimeoutMs(10_000)
			.connectionTimeoutMs(connectionTimeoutMs)
			.retryPolicy(retryPolicy)
			.build();
		client.start();
		client.blockUntilConnected();
		return client;
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
