package io.zkboot.test;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ServiceConnection} to a ZooKeeper container. Skipped where no Docker engine
 * runs.
 */
@SpringBootTest(properties = "zk.connect-string=nowhere.invalid:1")
@Testcontainers(disabledWithoutDocker = true)
class ZkServiceConnectionTests {

	@Container
	@ServiceConnection
	static GenericContainer<?> zooKeeper = new GenericContainer<>("zookeeper:3.9.4").withExposedPorts(2181);

	@Autowired
	CuratorFramework client;

	@Test
	void clientConnectsToTheContainer() throws Exception {
		this.client.create().forPath("/from-container", "v".getBytes());
		assertThat(this.client.getData().forPath("/from-container")).asString().isEqualTo("v");
		assertThat(this.client.getZookeeperClient().getCurrentConnectionString())
			.endsWith(":" + zooKeeper.getMappedPort(2181));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
