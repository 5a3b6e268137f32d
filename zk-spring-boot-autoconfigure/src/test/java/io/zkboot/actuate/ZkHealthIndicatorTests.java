package io.zkboot.actuate;

import java.time.Duration;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkHealthContributorAutoConfiguration;
import io.zkboot.core.ZkTemplate;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health indicator against a real server that goes away.
 */
class ZkHealthIndicatorTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ZkAutoConfiguration.class, ZkHealthContributorAutoConfiguration.class));

	@Test
	void upWithDetailsWhenConnectedOutOfServiceWhileSuspendedUpAgainOnReconnection() throws Exception {
		try (TestingServer server = new TestingServer(true)) {
			this.runner.withPropertyValues("zk.connect-string=" + server.getConnectString(), "zk.session-timeout=20s")
				.run((context) -> {
					assertThat(context).hasSingleBean(ZkTemplate.class);
					ZkHealthIndicator indicator = context.getBean("zookeeperHealthIndicator", ZkHealthIndicator.class);
					Health up = indicator.health(true);
					assertThat(up.getStatus()).isEqualTo(Status.UP);
					assertThat(up.getDetails()).containsEntry("connectString", server.getConnectString())
						.containsEntry("state", io.zkboot.client.ZkConnectionState.CONNECTED)
						.containsKey("sessionId");
					assertThat((String) up.getDetails().get("serverVersion")).startsWith("3.9.");
					server.stop();
					await().atMost(Duration.ofSeconds(20))
						.untilAsserted(() -> assertThat(indicator.health(true).getStatus())
							.isEqualTo(Status.OUT_OF_SERVICE));
					assertThat(indicator.health(true).getDetails()).containsEntry("state",
							io.zkboot.client.ZkConnectionState.SUSPENDED).doesNotContainKey("serverVersion");
					server.restart();
					await().atMost(Duration.ofSeconds(20))
						.untilAsserted(() -> assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP));
					assertThat(indicator.health(true).getDetails()).containsEntry("state",
							io.zkboot.client.ZkConnectionState.RECONNECTED);
				});
		}
	}

	@Test
	void canBeTurnedOff() throws Exception {
		try (TestingServer server = new TestingServer(true)) {
			this.runner
				.withPropertyValues("zk.connect-string=" + server.getConnectString(),
						"management.health.zookeeper.enabled=false")
				.run((context) -> assertThat(context).doesNotHaveBean(ZkHealthIndicator.class));
		}
	}

}
