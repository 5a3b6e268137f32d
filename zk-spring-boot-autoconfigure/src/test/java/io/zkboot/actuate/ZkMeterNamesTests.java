package io.zkboot.actuate;

import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkMetricsAutoConfiguration;
import io.zkboot.autoconfigure.ZkTreeAutoConfiguration;
import io.zkboot.autoconfigure.ZkWatchAutoConfiguration;
import io.zkboot.core.ZkNoNodeException;
import io.zkboot.core.ZkTemplate;
import io.zkboot.test.EmbeddedZooKeeperExtension;
import io.zkboot.tree.ImportOptions;
import io.zkboot.tree.ZkTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The meters an application gets work on hierarchical back ends (no name is a prefix of
 * another, so none is both a meter and a folder) and read alike (every tag value in lower case).
 */
class ZkMeterNamesTests {

	@RegisterExtension
	static EmbeddedZooKeeperExtension zooKeeper = new EmbeddedZooKeeperExtension();

	@Test
	void noMeterNameIsAPrefixOfAnotherAndTagValuesAreLowerCase() {
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class,
					ZkTreeAutoConfiguration.class, ZkMetricsAutoConfiguration.class))
			.withPropertyValues("zk.connect-string=" + zooKeeper.getConnectString())
			.withBean(ObservationRegistry.class, () -> observations)
			.run((context) -> {
				context.getBean(ZkConnectionMetrics.class).bindTo(meters);
				context.getBean(ZkActivityMetrics.class).bindTo(meters);
				ZkTemplate template = context.getBean(ZkTemplate.class);
				template.create("/named", new byte[0]);
				template.getChildren("/named");
				assertThatExceptionOfType(ZkNoNodeException.class).isThrownBy(() -> template.get("/unnamed"));
				context.getBean(ZkTree.class).importTree("/named-tree\n", "named.tree", ImportOptions.defaults());
			});
		// Micrometer's own ".active" long-task timer of every observation is left aside
		List<String> names = meters.getMeters().stream()
			.filter((meter) -> !(meter instanceof LongTaskTimer))
			.map((meter) -> meter.getId().getName())
			.distinct()
			.toList();
		assertThat(names).contains("zk.operation", "zk.connection.state", "zk.connection.changes",
				"zk.session.expirations", "zk.watch.deliveries", "zk.watch.delay", "zk.tree.nodes");
		for (String name : names) {
			assertThat(names).as("meters under " + name).noneMatch((other) -> other.startsWith(name + "."));
		}
		// Micrometer's own "error" tag holds the exception's class name
		List<String> values = meters.getMeters().stream()
			.map(Meter::getId)
			.flatMap((id) -> id.getTags().stream())
			.filter((tag) -> !tag.getKey().equals("error"))
			.map(Tag::getValue)
			.toList();
		assertThat(values).contains("connected", "read_only", "get_children", "import_tree", "nonode", "success")
			.allSatisfy((value) -> assertThat(value).isEqualTo(value.toLowerCase(Locale.ROOT)));
	}

}
