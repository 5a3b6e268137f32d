package io.zkboot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.zkboot.coordination.ZkElections;
import io.zkboot.coordination.ZkLeaderElection;
import io.zkboot.coordination.ZkLeaderOnly;
import io.zkboot.coordination.ZkLeadershipEvent;
import io.zkboot.coordination.ZkLock;
import io.zkboot.coordination.ZkLockTimeoutException;
import io.zkboot.coordination.ZkLocked;
import io.zkboot.coordination.ZkLocks;
import io.zkboot.test.ZkTestServer;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Coordination as an application meets it, against a real server: the beans, the
 * identifier, {@code @ZkLocked} methods, the application's election with leader-only lifecycle
 * beans, and yielding while unhealthy.
 */
class ZkCoordinationAutoConfigurationTests {

	@RegisterExtension
	static ZkTestServer server = new ZkTestServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class, ZkCoordinationAutoConfiguration.class))
		.withPropertyValues("zk.registry.enabled=false");

	private ApplicationContextRunner connected() {
		return this.runner.withPropertyValues(server.connectStringProperty());
	}

	@Test
	void locksAndElectionsAreBeansWithHostAndPidAsIdentifier() {
		connected().run((context) -> {
			assertThat(context).hasSingleBean(ZkLocks.class).hasSingleBean(ZkElections.class);
			assertThat(context).doesNotHaveBean(ZkLeaderElection.class);
			assertThat(context.getBean(ZkLocks.class).identifier()).endsWith(":" + ProcessHandle.current().pid());
		});
	}

	@Test
	void theIdentifierCanBeSetAndTheLocksReplaced() {
		connected().withPropertyValues("zk.coordination.identifier=worker-7")
			.run((context) -> assertThat(context.getBean(ZkLocks.class).identifier()).isEqualTo("worker-7"));
		connected().withBean("myLocks", ZkLocks.class,
				() -> new ZkLocks(server.other(), "mine", (event) -> { }, io.micrometer.observation.ObservationRegistry.NOOP, false))
			.run((context) -> assertThat(context.getBean(ZkLocks.class).identifier()).isEqualTo("mine"));
	}

	@Test
	void aLockedMethodRunsUnderTheLockOrIsSkippedOrFails() {
		connected().withPropertyValues("job.name=billing").withUserConfiguration(LockedJobs.class).run((context) -> {
			LockedJobs jobs = context.getBean(LockedJobs.class);
			assertThat(jobs.run()).isEqualTo("ran under /locks/billing, held=true");
			ZkLock elsewhere = new ZkLocks(server.other(), "elsewhere", (event) -> { },
					io.micrometer.observation.ObservationRegistry.NOOP, false)
				.lock("/locks/billing");
			elsewhere.lock();
			try {
				assertThat(jobs.run()).isNull();
				assertThat(jobs.count()).isEqualTo(1);
				assertThatExceptionOfType(ZkLockTimeoutException.class).isThrownBy(jobs::mustRun)
					.withMessageContaining("/locks/billing")
					.withMessageContaining("LockedJobs.mustRun");
			}
			finally {
				elsewhere.unlock();
			}
			assertThat(jobs.run()).isNotNull();
			assertThat(jobs.count()).isEqualTo(2);
		});
	}

	@Test
	void aLockedMethodWithABadDurationFailsTheStartNamingIt() {
		connected().withUserConfiguration(BadDuration.class)
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("@ZkLocked on " + BadDuration.class.getName()
						+ ".job: waitFor 'soon' is not a duration (such as 500ms, 5s or PT1M)"));
	}

	@Test
	void leaderOnlyBeansRunOnlyWhileTheApplicationLeads() {
		ApplicationContextRunner leader = connected().withPropertyValues("zk.leader.enabled=true",
				"zk.leader.path=/leaders/reports", "zk.leader.health-check-interval=100ms")
			.withUserConfiguration(LeaderOnlyJobConfiguration.class);
		leader.withPropertyValues("zk.coordination.identifier=first").run((first) -> {
			await().atMost(Duration.ofSeconds(5)).until(() -> first.getBean(LeaderOnlyJob.class).isRunning());
			ZkLeaderElection firstElection = first.getBean(ZkLeaderElection.class);
			assertThat(firstElection.isLeader()).isTrue();
			assertThat(firstElection.leader()).contains("first");
			leader.withPropertyValues("zk.coordination.identifier=second").run((second) -> {
				ZkLeaderElection secondElection = second.getBean(ZkLeaderElection.class);
				await().atMost(Duration.ofSeconds(5)).until(() -> secondElection.participants().size() == 2);
				assertThat(second.getBean(LeaderOnlyJob.class).isRunning()).isFalse();
				assertThat(secondElection.leader()).contains("first");
				LeaderOnlyJob firstJob = first.getBean(LeaderOnlyJob.class);
				first.close();
				assertThat(firstJob.isRunning()).isFalse();
				assertThat(firstJob.events()).containsExactly("granted first", "revoked first");
				await().atMost(Duration.ofSeconds(5)).until(() -> second.getBean(LeaderOnlyJob.class).isRunning());
				assertThat(second.getBean(LeaderOnlyJob.class).events()).containsExactly("granted second");
			});
		});
	}

	@Test
	void aLeaderWhoseHealthIsDownYields() {
		connected()
			.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
			.withPropertyValues("zk.leader.enabled=true", "zk.leader.path=/leaders/health",
					"zk.leader.health-check-interval=50ms")
			.withUserConfiguration(Toggle.class)
			.run((context) -> {
				ZkLeaderElection election = context.getBean(ZkLeaderElection.class);
				await().atMost(Duration.ofSeconds(5)).until(election::isLeader);
				context.getBean(Toggle.class).health.set(Health.down().build());
				await().atMost(Duration.ofSeconds(5)).until(() -> !election.isLeader());
				await().atMost(Duration.ofSeconds(5)).until(() -> election.participants().isEmpty());
				context.getBean(Toggle.class).health.set(Health.up().build());
				await().atMost(Duration.ofSeconds(5)).until(election::isLeader);
			});
	}

	static class LockedJobs {

		private int runs;

		@ZkLocked(path = "/locks/${job.name}", waitFor = "100ms")
		public String run() {
			this.runs++;
			ZkLock lock = lockOf("/locks/billing");
			return "ran under /locks/billing, held=" + lock.isHeldByCurrentThread();
		}

		@ZkLocked(path = "/locks/${job.name}", onBusy = ZkLocked.Busy.FAIL)
		public void mustRun() {
		}

		public int count() {
			return this.runs;
		}

		private ZkLocks locks;

		@org.springframework.beans.factory.annotation.Autowired
		void setLocks(ZkLocks locks) {
			this.locks = locks;
		}

		private ZkLock lockOf(String path) {
			return this.locks.lock(path);
		}

	}

	static class BadDuration {

		@ZkLocked(path = "/locks/bad", waitFor = "soon")
		public void job() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LeaderOnlyJobConfiguration {

		@Bean
		@ZkLeaderOnly
		LeaderOnlyJob leaderOnlyJob() {
			return new LeaderOnlyJob();
		}

	}

	static class LeaderOnlyJob implements SmartLifecycle, ApplicationListener<ZkLeadershipEvent> {

		private final List<String> events = new CopyOnWriteArrayList<>();

		private volatile boolean running;

		public List<String> events() {
			return this.events;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public void onApplicationEvent(ZkLeadershipEvent event) {
			this.events.add((event instanceof ZkLeadershipEvent.Granted ? "granted " : "revoked ")
					+ event.getParticipantId());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Toggle {

		final AtomicReference<Health> health = new AtomicReference<>(Health.up().build());

		@Bean
		HealthIndicator toggle() {
			return this.health::get;
		}

	}

}
