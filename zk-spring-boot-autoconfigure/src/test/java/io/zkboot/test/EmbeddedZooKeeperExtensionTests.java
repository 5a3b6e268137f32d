package io.zkboot.test;

import io.zkboot.embedded.EmbeddedZooKeeper;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JUnit 5 extension gives a test class a running server.
 */
class EmbeddedZooKeeperExtensionTests {

	@RegisterExtension
	static EmbeddedZooKeeperExtension zooKeeper = new EmbeddedZooKeeperExtension();

	@Test
	void serverAnswersAndIsInjectable(EmbeddedZooKeeper server) throws Exception {
		assertThat(server.getConnectString()).isEqualTo(zooKeeper.getConnectString());
		try (CuratorFramework client = CuratorFrameworkFactory.newClient(zooKeeper.getConnectString(),
				new RetryOneTime(10))) {
			client.start();
			client.create().forPath("/extension", "ok".getBytes());
			assertThat(client.getData().forPath("/extension")).asString().isEqualTo("ok");
		}
	}

}
