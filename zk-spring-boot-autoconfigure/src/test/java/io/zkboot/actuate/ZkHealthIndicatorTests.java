package io.zkboot.actuate;

import java.time.Duration;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkHealthContributorAutoConfiguration;
import io.zkboot.core.ZkTemplate;
import io.zkboot.test.NoServer;
import io.zkboot.test.ZkTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

	@RegisterExtension
	final ZkTestServer server = new ZkTestServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ZkAutoConfiguration.class, ZkHealthContributorAutoConfiguration.class));

	@Test
	void upWithDetailsWhenConnectedOutOfServiceWhileSuspendedUpAgainOnReconnection() throws Exception {
		this.runner.withPropertyValues(this.server.connectStringProperty(), "zk.session-timeout=20s")
			.run((context) -> {
				assertThat(context).hasSingleBean(ZkTemplate.class);
				ZkHealthIndicator indicator = context.getBean("zookeeperHealthIndicator", ZkHealthIndicator.class);
				Health up = indicator.health(true);
				assertThat(up.getStatus()).isEqualTo(Status.UP);
				assertThat(up.getDetails()).containsEntry("connectString", this.server.connectString())
					.containsEntry("state", io.zkboot.client.ZkConnectionState.CONNECTED)
					.containsKey("sessionId");
				assertThat((String) up.getDetails().get("serverVersion")).startsWith("3.9.");
				this.server.stop();
				await().atMost(Duration.ofSeconds(20))
					.untilAsserted(() -> assertThat(indicator.health(true).getStatus())
						.isEqualTo(Status.OUT_OF_SERVICE));
				assertThat(indicator.health(true).getDetails()).containsEntry("state",
						io.zkboot.client.ZkConnectionState.SUSPENDED).doesNotContainKey("serverVersion");
				this.server.restart();
				await().atMost(Duration.ofSeconds(20))
					.untilAsserted(() -> assertThat(indicator.health(true).getStatus()).isEqualTo(Status.UP));
				assertThat(indicator.health(true).getDetails()).containsEntry("state",
						io.zkboot.client.ZkConnectionState.RECONNECTED);
			});
	}

	@Test
	void canBeTurnedOff() throws Exception {
		this.runner.withPropertyValues(NoServer.PROPERTIES)
			.withPropertyValues("management.health.zookeeper.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZkHealthIndicator.class));
	}

}
