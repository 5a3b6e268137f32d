package io.zkboot.test;

import java.util.List;
import java.util.Map;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.client.ZkConnectionDetails;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.TestDockerComposeConnectionSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code zookeeper} service of Docker Compose, as Spring Boot's Docker Compose support hands
 * it to the connection details factories once {@code docker compose up} has run. No Docker
 * engine here: the running service stands for one whose client port 2181 is mapped to a real
 * server's port.
 */
class ZkDockerComposeConnectionDetailsFactoryTests {

	@RegisterExtension
	static ZkTestServer server = new ZkTestServer();

	@Test
	void aZookeeperServiceConnectsTheApplicationToTheHostPortMappedToItsClientPort() throws Exception {
		ZkConnectionDetails details = connectionDetails(service("zookeeper:3.9.4", Map.of()));
		assertThat(details.getConnectString()).isEqualTo("127.0.0.1:" + server.port());
		try (CuratorFramework writer = CuratorFrameworkFactory.newClient(server.connectString(), new RetryOneTime(10))) {
			writer.start();
			writer.create().forPath("/from-compose", "v".getBytes());
		}
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class))
			.withPropertyValues("zk.connect-string=nowhere.invalid:1")
			.withBean(ZkConnectionDetails.class, () -> details)
			.run((context) -> assertThat(context.getBean(CuratorFramework.class).getData().forPath("/from-compose"))
				.asString()
				.isEqualTo("v"));
	}

	@Test
	void bitnamisImageAndAServiceLabelledZookeeperAreZooKeeperToo() {
		assertThat(connectionDetails(service("bitnami/zookeeper:3.9", Map.of())).getConnectString())
			.isEqualTo("127.0.0.1:" + server.port());
		assertThat(connectionDetails(service("example/coordination:1",
				Map.of("org.springframework.boot.service-connection", "zookeeper")))
			.getConnectString()).isEqualTo("127.0.0.1:" + server.port());
	}

	@Test
	void otherImagesAreNotZooKeeper() {
		assertThat(allConnectionDetails(service("redis:7", Map.of()))).doesNotContainKey(ZkConnectionDetails.class);
		assertThat(allConnectionDetails(service("confluentinc/cp-zookeeper:7.6.0", Map.of())))
			.doesNotContainKey(ZkConnectionDetails.class);
	}

	private static ZkConnectionDetails connectionDetails(RunningService service) {
		return (ZkConnectionDetails) allConnectionDetails(service).get(ZkConnectionDetails.class);
	}

	/**
	 * What Boot's Docker Compose support does with a running service: every factory registered in
	 * {@code spring.factories} is asked for connection details.
	 */
	private static Map<Class<?>, ConnectionDetails> allConnectionDetails(RunningService service) {
		return new ConnectionDetailsFactories(null).getConnectionDetails(
				TestDockerComposeConnectionSource.of(service, new StandardEnvironment()), false);
	}

	private static RunningService service(String image, Map<String, String> labels) {
		return new Service(ImageReference.of(image), labels, new Ports(Map.of(2181, server.port())));
	}

	/**
	 * A running service as {@code docker compose ps} and {@code docker inspect} describe it.
	 */
	private record Service(ImageReference image, Map<String, String> labels, ConnectionPorts ports)
			implements RunningService {

		@Override
		public String name() {
			return "zookeeper-1";
		}

		@Override
		public String host() {
			return "127.0.0.1";
		}

		@Override
		public Map<String, String> env() {
			return Map.of();
		}

	}

	/**
	 * Container ports mapped to host ports.
	 */
	private record Ports(Map<Integer, Integer> mapped) implements ConnectionPorts {

		@Override
		public int get(int containerPort) {
			Integer hostPort = this.mapped.get(containerPort);
			if (hostPort == null) {
				throw new IllegalStateException("No host port for container port " + containerPort);
			}
			return hostPort;
		}

		@Override
		public List<Integer> getAll() {
			return List.copyOf(this.mapped.values());
		}

		@Override
		public List<Integer> getAll(String protocol) {
			return "tcp".equals(protocol) ? getAll() : List.of();
		}

	}

}
