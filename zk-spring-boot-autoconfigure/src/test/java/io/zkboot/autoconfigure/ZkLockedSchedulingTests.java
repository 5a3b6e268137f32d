package io.zkboot.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.zkboot.coordination.ZkLocked;
import io.zkboot.test.ZkTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@code @ZkLocked} scheduled job in three application instances runs once per period, even
 * though it takes a millisecond: the lock is held at least part of the period, so the
 * instances whose trigger fires a moment later skip.
 */
class ZkLockedSchedulingTests {

	@RegisterExtension
	static ZkTestServer server = new ZkTestServer();

	private static final long PERIOD = 200;

	private static final int PERIODS = 100;

	static final Queue<Run> runs = new ConcurrentLinkedQueue<>();

	@Test
	void threeInstancesRunTheJobExactlyOncePerPeriod() throws Exception {
		ApplicationContextRunner instance = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class,
					ZkCoordinationAutoConfiguration.class))
			.withPropertyValues(server.connectStringProperty(), "zk.registry.enabled=false")
			.withUserConfiguration(Job.class, EveryPeriod.class);
		instance.withPropertyValues("zk.coordination.identifier=a")
			.run((a) -> instance.withPropertyValues("zk.coordination.identifier=b")
				.run((b) -> instance.withPropertyValues("zk.coordination.identifier=c").run((c) -> {
					long first = System.currentTimeMillis() / PERIOD + 2;
					long last = first + PERIODS;
					await().atMost(Duration.ofMillis(PERIOD * (PERIODS + 10)))
						.pollInterval(Duration.ofMillis(PERIOD))
						.until(() -> System.currentTimeMillis() / PERIOD > last + 1);
					Map<Long, Integer> perPeriod = new TreeMap<>();
					for (Run run : runs) {
						long period = run.at.toEpochMilli() / PERIOD;
						if (period >= first && period < last) {
							perPeriod.merge(period, 1, Integer::sum);
						}
					}
					assertThat(perPeriod.values()).as("runs per period").allMatch((count) -> count == 1);
					assertThat(perPeriod).as("periods run").hasSizeGreaterThanOrEqualTo(PERIODS - PERIODS / 100);
					assertThat(runs).extracting(Run::instance).contains("a", "b", "c");
				})));
	}

	record Run(String instance, Instant at) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class EveryPeriod implements SchedulingConfigurer {

		private final Job job;

		EveryPeriod(Job job) {
			this.job = job;
		}

		@Override
		public void configureTasks(ScheduledTaskRegistrar registrar) {
			// every instance fires on the same wall-clock boundaries, as a cron trigger does
			registrar.addTriggerTask(this.job::tick,
					(context) -> Instant.ofEpochMilli((System.currentTimeMillis() / PERIOD + 1) * PERIOD));
		}

	}

	static class Job {

		@Value("${zk.coordination.identifier}")
		private String instance;

		@ZkLocked(path = "/jobs/every-period", holdAtLeast = "100ms")
		public void tick() {
			runs.add(new Run(this.instance, Instant.now()));
		}

	}

}
