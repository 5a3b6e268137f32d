package io.zkboot.actuate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkMetricsAutoConfiguration;
import io.zkboot.autoconfigure.ZkTreeAutoConfiguration;
import io.zkboot.autoconfigure.ZkTreeImportedEvent;
import io.zkboot.autoconfigure.ZkWatchAutoConfiguration;
import io.zkboot.test.EmbeddedZooKeeperExtension;
import io.zkboot.tree.ImportOptions;
import io.zkboot.tree.ImportResult;
import io.zkboot.tree.ZkTree;
import io.zkboot.watch.ZkWatch;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Watch deliveries, their delay and tree-import node counts move with real changes.
 */
class ZkActivityMetricsTests {

	@RegisterExtension
	static EmbeddedZooKeeperExtension zooKeeper = new EmbeddedZooKeeperExtension();

	@Test
	void watchDeliveriesDelayAndImportedNodesAreCounted() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class,
					ZkTreeAutoConfiguration.class, ZkMetricsAutoConfiguration.class))
			.withPropertyValues("zk.connect-string=" + zooKeeper.getConnectString())
			.withBean(Watcher.class)
			.run((context) -> {
				MeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(ZkActivityMetrics.class).bindTo(registry);
				CuratorFramework client = context.getBean(CuratorFramework.class);
				client.create().forPath("/metrics-watched", "1".getBytes());
				await().atMost(Duration.ofSeconds(20))
					.untilAsserted(() -> assertThat(context.getBean(Watcher.class).seen).contains("1"));
				client.setData().forPath("/metrics-watched", "2".getBytes());
				await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
					assertThat(registry.get("zk.watch.deliveries").tag("kind", "data").counter().count())
						.isGreaterThanOrEqualTo(2);
					assertThat(registry.get("zk.watch.delay").timer().count()).isGreaterThanOrEqualTo(1);
				});
				ImportResult result = context.getBean(ZkTree.class)
					.importTree("/metrics-tree\n  /a\n  /b\n", "metrics.tree", ImportOptions.defaults());
				context.publishEvent(new ZkTreeImportedEvent(this, "metrics.tree", result));
				assertThat(registry.get("zk.tree.nodes").tag("change", "added").counter().count()).isEqualTo(3);
				context.publishEvent(new io.zkboot.discovery.ZkRegisteringServerEvent(this,
						new io.zkboot.discovery.ZkRegistration("x", "x-1", "/services/x/providers",
								List.of("10.0.0.1", "10.0.0.2"), 8080, false, java.util.Map.of()),
						"/services/x/providers", new java.util.LinkedHashMap<>()));
				assertThat(registry.get("zk.registrations").counter().count()).isEqualTo(2);
			});
	}

	static class Watcher {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@ZkWatch("/metrics-watched")
		void on(String data) {
			if (data != null) {
				this.seen.add(data);
			}
		}

	}

}
