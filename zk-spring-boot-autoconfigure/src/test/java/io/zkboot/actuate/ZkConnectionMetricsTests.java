package io.zkboot.actuate;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkMetricsAutoConfiguration;
import io.zkboot.test.ZkTestServer;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connection metrics move with a real session's life.
 */
class ZkConnectionMetricsTests {

	@RegisterExtension
	static ZkTestServer server = new ZkTestServer();

	@Test
	void stateGaugeChangeCountersAndExpirations() throws Exception {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class, ZkMetricsAutoConfiguration.class))
			.withPropertyValues(server.connectStringProperty())
			.run((context) -> {
				MeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(ZkConnectionMetrics.class).bindTo(registry);
				assertThat(registry.get("zk.connection.state").tag("state", "connected").gauge().value())
					.isEqualTo(1);
				assertThat(registry.get("zk.connection.state").tag("state", "lost").gauge().value()).isZero();
				context.getBean(CuratorFramework.class).getZookeeperClient().getZooKeeper().getTestable()
					.injectSessionExpiration();
				await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
					assertThat(registry.get("zk.session.expirations").counter().count()).isEqualTo(1);
					assertThat(registry.get("zk.connection.changes").tag("state", "connected").counter()
						.count()).isEqualTo(1);
				});
				assertThat(registry.get("zk.connection.changes").tag("state", "lost").counter().count())
					.isEqualTo(1);
			});
	}

}
