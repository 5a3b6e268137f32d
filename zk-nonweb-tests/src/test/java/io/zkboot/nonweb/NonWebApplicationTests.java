package io.zkboot.nonweb;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zkboot.core.ZkTemplate;
import io.zkboot.discovery.ZkRegistration;
import io.zkboot.discovery.ZkServiceRegistry;
import io.zkboot.watch.ZkWatch;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.serviceregistry.AutoServiceRegistration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker application (the starter, no web server on the class path) starts with every
 * feature but the auto-registration that needs a web server's port, and registers itself when
 * given a port.
 */
class NonWebApplicationTests {

	private static TestingServer server;

	@BeforeAll
	static void startServer() throws Exception {
		server = new TestingServer(true);
	}

	@AfterAll
	static void stopServer() throws Exception {
		server.close();
	}

	private static ConfigurableApplicationContext run(String... args) {
		return new SpringApplicationBuilder(Worker.class)
			.properties("spring.application.name=worker", "zk.connect-string=" + server.getConnectString())
			.run(args);
	}

	@Test
	void theClassPathHasNoWebServer() {
		assertThat(ClassUtils.isPresent("org.springframework.boot.web.server.context.WebServerInitializedEvent",
				null)).isFalse();
	}

	@Test
	void startsWithTheClientTheWatchesAndDiscoveryButNoAutoRegistration() throws Exception {
		try (ConfigurableApplicationContext context = run()) {
			ZkTemplate template = context.getBean(ZkTemplate.class);
			template.getClient().create().creatingParentsIfNeeded().forPath("/worker/job", "{\"n\": 1}".getBytes());
			Worker worker = context.getBean(Worker.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> worker.seen.contains("{\"n\": 1}"));
			assertThat(context.getBeansOfType(AutoServiceRegistration.class)).isEmpty();
			assertThat(context.getBean(DiscoveryClient.class).getInstances("worker")).isEmpty();

			ZkRegistration registration = context.getBean(ZkRegistration.class);
			registration.setPort(9100);
			context.getBean(ZkServiceRegistry.class).register(registration);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> context.getBean(DiscoveryClient.class).getInstances("worker").size() == 1);
		}
	}

	@Test
	void registersWhenStartedWithAConfiguredPortAndDeregistersWhenStopped() throws Exception {
		String node;
		CuratorFramework client;
		try (ConfigurableApplicationContext context = run("--zk.registry.port=9200")) {
			assertThat(context.getBeansOfType(AutoServiceRegistration.class)).hasSize(1);
			ZkRegistration registration = context.getBean(ZkRegistration.class);
			node = "/services/worker/providers/" + registration.getAddresses().get(0);
			client = context.getBean(CuratorFramework.class);
			assertThat(node).endsWith(":9200");
			assertThat(client.checkExists().forPath(node)).isNotNull();
			context.stop();
			assertThat(client.checkExists().forPath(node)).isNull();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Worker {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@ZkWatch("/worker/job")
		void job(String data) {
			if (data != null) {
				this.seen.add(data);
			}
		}

	}

}
