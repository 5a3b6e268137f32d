package io.zkboot.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.zkboot.coordination.ZkLeaderElection;
import io.zkboot.coordination.ZkLock;
import io.zkboot.coordination.ZkLocks;
import io.zkboot.test.EmbeddedZooKeeperExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/zkcoordination} over a real HTTP port, and the coordination meters, with a
 * real ZooKeeper server.
 */
class ZkCoordinationEndpointTests {

	@RegisterExtension
	static EmbeddedZooKeeperExtension zooKeeper = new EmbeddedZooKeeperExtension();

	@Test
	void listsTheElectionAndTheHeldLocksAndMetersThem() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "zk.connect-string=" + zooKeeper.getConnectString(), "zk.leader.enabled=true",
					"zk.leader.path=/leaders/endpoint", "zk.coordination.identifier=instance-1",
					"zk.registry.enabled=false", "management.endpoints.web.exposure.include=zkcoordination")
			.run()) {
			await().atMost(Duration.ofSeconds(5)).until(() -> context.getBean(ZkLeaderElection.class).isLeader());
			ZkLock lock = context.getBean(ZkLocks.class).lock("/locks/report");
			lock.lock();
			try {
				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				Map<String, Object> body = RestClient.create("http://localhost:" + port)
					.get()
					.uri("/actuator/zkcoordination")
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(new ParameterizedTypeReference<>() {
					});
				assertThat(body).containsEntry("identifier", "instance-1");
				assertThat(body.get("elections")).isEqualTo(List.of(Map.of("path", "/leaders/endpoint", "leader",
						"instance-1", "participants", List.of("instance-1"), "role", "leader")));
				List<Map<String, Object>> locks = (List<Map<String, Object>>) body.get("locks");
				assertThat(locks).extracting((held) -> held.get("kind")).containsExactly("election", "lock");
				assertThat(locks.get(1)).satisfies((held) -> {
					assertThat(held).containsEntry("path", "/locks/report").containsEntry("kind", "lock")
						.containsEntry("state", "HELD").containsEntry("thread", Thread.currentThread().getName())
						.containsKey("since");
					assertThat((String) held.get("node")).matches("/locks/report/[0-9a-f]{32}__lock__\\d{10}");
				});
			}
			finally {
				lock.unlock();
			}
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("zk.lock.acquire").tag("kind", "lock").tag("outcome", "acquired").timer().count())
				.isPositive();
			assertThat(meters.get("zk.lock.hold").tag("kind", "lock").timer().count()).isOne();
			assertThat(meters.get("zk.leadership.active").longTaskTimer().activeTasks()).isOne();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
