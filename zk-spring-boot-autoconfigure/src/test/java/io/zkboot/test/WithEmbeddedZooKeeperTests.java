package io.zkboot.test;

import io.zkboot.embedded.EmbeddedZooKeeper;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring test given an embedded server by {@link WithEmbeddedZooKeeper}.
 */
@SpringBootTest
@WithEmbeddedZooKeeper
class WithEmbeddedZooKeeperTests {

	@Autowired
	CuratorFramework client;

	@Value("${zk.connect-string}")
	String connectString;

	@Test
	void theContextsClientTalksToTheSharedEmbeddedServer() throws Exception {
		assertThat(this.client.getZookeeperClient().getCurrentConnectionString()).isEqualTo(this.connectString);
		this.client.create().creatingParentsIfNeeded().forPath("/with-embedded/node", "v".getBytes());
		assertThat(this.client.getData().forPath("/with-embedded/node")).asString().isEqualTo("v");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
