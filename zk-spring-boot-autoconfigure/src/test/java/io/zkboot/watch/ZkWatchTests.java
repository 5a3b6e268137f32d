package io.zkboot.watch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkWatchAutoConfiguration;
import io.zkboot.test.ZkTestServer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ZkWatch @ZkWatch} methods against a real server, changed by another client.
 */
class ZkWatchTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static ZkTestServer zk = new ZkTestServer();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class))
			.withPropertyValues("zk.connect-string=" + zk.connectString(), "zk.session-timeout=10s");
	}

	@Test
	void eachArgumentTypeIsServedAtStartupAndOnChange() throws Exception {
		zk.set("/args/node", "{\"name\":\"a\",\"size\":1}");
		zk.set("/args/node/child1", "");
		runner().withBean(ArgumentWatches.class).run((context) -> {
			ArgumentWatches watches = context.getBean(ArgumentWatches.class);
			assertThat(watches.bytes).containsExactly("{\"name\":\"a\",\"size\":1}");
			assertThat(watches.texts).containsExactly("{\"name\":\"a\",\"size\":1}");
			assertThat(watches.maps).containsExactly(Map.of("name", "a", "size", 1));
			assertThat(watches.settings).containsExactly(new Settings("a", 1));
			assertThat(watches.versions).containsExactly(0);
			assertThat(watches.children).containsExactly(List.of("child1"));
			assertThat(watches.calls).hasValue(1);
			zk.set("/args/node", "{\"name\":\"b\",\"size\":2}");
			zk.set("/args/node/child2", "");
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(watches.settings).last().isEqualTo(new Settings("b", 2));
				assertThat(watches.maps).last().isEqualTo(Map.of("name", "b", "size", 2));
				assertThat(watches.texts).last().isEqualTo("{\"name\":\"b\",\"size\":2}");
				assertThat(watches.bytes).last().isEqualTo("{\"name\":\"b\",\"size\":2}");
				assertThat(watches.versions).last().isEqualTo(1);
				assertThat(watches.children).last().isEqualTo(List.of("child1", "child2"));
				assertThat(watches.calls).hasValue(2);
			});
		});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void invalidJsonCallsNoMethodAndItsMessageNamesThePlaceButNotTheData(CapturedOutput output) throws Exception {
		zk.set("/invalid/node", "{\"name\":\"a\",\"size\":1}");
		runner().withBean(InvalidDataWatches.class).run((context) -> {
			InvalidDataWatches watches = context.getBean(InvalidDataWatches.class);
			zk.set("/invalid/node", "{\"name\": \"secret\", \"size\": 7");
			await().atMost(WAIT).untilAsserted(() -> assertThat(output).contains(
					"InvalidDataWatches.map on bean 'zkWatchTests.InvalidDataWatches' not called: node /invalid/node "
							+ "holds invalid JSON (it ends too early) at line 1, column 29",
					"InvalidDataWatches.bound on bean 'zkWatchTests.InvalidDataWatches' not called: node /invalid/node "
							+ "holds data that does not bind to Settings at line 1, column 29"));
			assertThat(output).doesNotContain("secret");
			zk.set("/invalid/node", "{\"name\":\"b\",\"size\":2}");
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(watches.maps).containsExactly(Map.of("name", "a", "size", 1), Map.of("name", "b", "size", 2));
				assertThat(watches.settings).containsExactly(new Settings("a", 1), new Settings("b", 2));
			});
		});
	}

	@Test
	void aMissingNodeGivesNullAndIsSeenWhenCreatedDeletedAndCreatedAgain() throws Exception {
		runner().withBean(MissingNodeWatch.class).run((context) -> {
			MissingNodeWatch watch = context.getBean(MissingNodeWatch.class);
			assertThat(watch.seen).containsExactly("absent");
			zk.set("/appears/node", "one");
			await().atMost(WAIT).untilAsserted(() -> assertThat(watch.seen).containsExactly("absent", "one"));
			zk.delete("/appears/node");
			await().atMost(WAIT).untilAsserted(() -> assertThat(watch.seen).containsExactly("absent", "one", "absent"));
			zk.set("/appears/node", "two");
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(watch.seen).containsExactly("absent", "one", "absent", "two"));
		});
	}

	@Test
	void aThousandRapidChangesArriveInOrderEndingWithTheLast() throws Exception {
		zk.set("/rapid", "0");
		runner().withBean(CountingWatch.class).run((context) -> {
			CountingWatch watch = context.getBean(CountingWatch.class);
			for (int i = 1; i <= 1000; i++) {
				zk.other().setData().inBackground().forPath("/rapid", String.valueOf(i).getBytes());
			}
			await().atMost(WAIT).untilAsserted(() -> assertThat(watch.values).last().isEqualTo(1000));
			assertThat(watch.values).isSorted().doesNotHaveDuplicates();
			assertThat(watch.maxConcurrent).hasValue(1);
		});
	}

	@Test
	void aSessionExpiryInTheMiddleOfRapidChangesLosesNeitherOrderNorTheLastValue() throws Exception {
		zk.set("/rapid", "0");
		runner().withBean(CountingWatch.class).run((context) -> {
			CountingWatch watch = context.getBean(CountingWatch.class);
			CuratorFramework client = context.getBean(CuratorFramework.class);
			for (int i = 1; i <= 1000; i++) {
				zk.other().setData().inBackground().forPath("/rapid", String.valueOf(i).getBytes());
				if (i == 500) {
					client.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
				}
			}
			await().atMost(WAIT).untilAsserted(() -> assertThat(watch.values).last().isEqualTo(1000));
			assertThat(watch.values).isSorted();
			assertThat(watch.maxConcurrent).hasValue(1);
		});
	}

	@Test
	void aNewSessionCallsWithTheCurrentState() throws Exception {
		zk.set("/expiring", "before");
		runner().withBean(ExpiringWatch.class).run((context) -> {
			ExpiringWatch watch = context.getBean(ExpiringWatch.class);
			assertThat(watch.seen).containsExactly("before");
			CuratorFramework client = context.getBean(CuratorFramework.class);
			client.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
			zk.set("/expiring", "during");
			await().atMost(WAIT).untilAsserted(() -> assertThat(watch.seen).last().isEqualTo("during"));
			int calls = watch.seen.size();
			client.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
			await().atMost(WAIT).untilAsserted(() -> assertThat(watch.seen).hasSize(calls + 1));
			assertThat(watch.seen).last().isEqualTo("during");
			zk.set("/expiring", "after");
			await().atMost(WAIT).untilAsserted(() -> assertThat(watch.seen).last().isEqualTo("after"));
		});
	}

	@Test
	void aServerRestartInTheSameSessionLosesNoChange() throws Exception {
		zk.set("/restarting", "before");
		runner().withBean(RestartWatch.class).run((context) -> {
			RestartWatch watch = context.getBean(RestartWatch.class);
			zk.restart();
			zk.set("/restarting", "after");
			await().atMost(WAIT).untilAsserted(() -> assertThat(watch.seen).containsExactly("before", "after"));
		});
	}

	@Test
	void anApplicationStartedWithoutZooKeeperIsNotHeldUpAndIsCalledOnceConnected() throws Exception {
		int port = InstanceSpec.getRandomPort();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class))
			.withPropertyValues("zk.connect-string=127.0.0.1:" + port, "zk.startup.wait=500ms",
					"zk.startup.fail-fast=false", "zk.connection-timeout=1s", "zk.retry.max-retries=1")
			.withBean(LateWatch.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				LateWatch watch = context.getBean(LateWatch.class);
				assertThat(watch.seen).isEmpty();
				try (TestingServer late = new TestingServer(port, true)) {
					await().atMost(WAIT).untilAsserted(() -> assertThat(watch.seen).containsExactly("absent"));
				}
			});
	}

	@Test
	void returningFalseStopsTheWatch() throws Exception {
		zk.set("/stopping", "0");
		runner().withBean(StoppingWatch.class).run((context) -> {
			StoppingWatch watch = context.getBean(StoppingWatch.class);
			zk.set("/stopping", "stop");
			await().atMost(WAIT).untilAsserted(() -> assertThat(watch.seen).containsExactly("0", "stop"));
			zk.set("/stopping", "2");
			zk.set("/other-after-stop", "x");
			await().during(Duration.ofMillis(300))
				.atMost(WAIT)
				.untilAsserted(() -> assertThat(watch.seen).containsExactly("0", "stop"));
		});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aMethodThatThrowsIsLoggedAndCalledAgainAtTheNextChange(CapturedOutput output) throws Exception {
		zk.set("/throwing", "1");
		runner().withBean(ThrowingWatch.class).run((context) -> {
			ThrowingWatch watch = context.getBean(ThrowingWatch.class);
			zk.set("/throwing", "2");
			await().atMost(WAIT).untilAsserted(() -> assertThat(watch.seen).containsExactly("1", "2"));
			assertThat(output).contains("@ZkWatch(\"/throwing\") method ThrowingWatch.changed on bean")
				.contains("failed; the watch stays and calls it at the next change")
				.contains("a bug in the method");
		});
	}

	@Test
	void placeholdersInThePathAreResolved() throws Exception {
		zk.set("/apps/billing", "hello");
		runner().withBean(PlaceholderWatch.class).withPropertyValues("app.name=billing").run((context) -> {
			assertThat(context.getBean(PlaceholderWatch.class).seen).containsExactly("hello");
		});
	}

	@Test
	void aSignatureThatCannotBeServedFailsStartupNamingBeanAndMethod() {
		runner().withBean("badWatch", BadWatch.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("BadWatch.childrenAsText on bean 'badWatch' cannot be served: "
						+ "parameter 0 (java.lang.String) cannot be served by a children watch");
		});
	}

	@Test
	void typedArgumentsAreBoundWithTheApplicationsJsonMapper() throws Exception {
		zk.set("/args/limits", "{\"max_size\":3,\"queue_name\":\"jobs\"}");
		runner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
			.withBean(LimitsWatch.class)
			.run((context) -> {
				LimitsWatch watch = context.getBean(LimitsWatch.class);
				assertThat(watch.seen).containsExactly(new Limits(3, "jobs"));
				zk.set("/args/limits", "{\"max_size\":4,\"queue_name\":\"jobs\"}");
				await().atMost(WAIT).untilAsserted(() -> assertThat(watch.seen).last().isEqualTo(new Limits(4, "jobs")));
			});
	}

	record Settings(String name, int size) {
	}

	record Limits(int maxSize, String queueName) {
	}

	static class LimitsWatch {

		final List<Limits> seen = new CopyOnWriteArrayList<>();

		@ZkWatch("/args/limits")
		void limits(Limits limits) {
			this.seen.add(limits);
		}

	}

	static class ArgumentWatches {

		final List<String> bytes = new CopyOnWriteArrayList<>();

		final List<String> texts = new CopyOnWriteArrayList<>();

		final List<Map<String, Object>> maps = new CopyOnWriteArrayList<>();

		final List<Settings> settings = new CopyOnWriteArrayList<>();

		final List<Integer> versions = new CopyOnWriteArrayList<>();

		final List<List<String>> children = new CopyOnWriteArrayList<>();

		final AtomicInteger calls = new AtomicInteger();

		@ZkWatch("/args/node")
		void bytes(byte[] data) {
			this.bytes.add(new String(data));
		}

		@ZkWatch("/args/node")
		void text(String data) {
			this.texts.add(data);
		}

		@ZkWatch("/args/node")
		void properties(Map<String, Object> properties) {
			this.maps.add(properties);
		}

		@ZkWatch("/args/node")
		void bound(Settings settings) {
			this.settings.add(settings);
		}

		@ZkWatch("/args/node")
		void stat(Stat stat) {
			this.versions.add(stat.getVersion());
		}

		@ZkWatch(path = "/args/node", children = true)
		void children(List<String> names) {
			this.children.add(names);
		}

		@ZkWatch("/args/node")
		void none() {
			this.calls.incrementAndGet();
		}

	}

	static class InvalidDataWatches {

		final List<Map<String, Object>> maps = new CopyOnWriteArrayList<>();

		final List<Settings> settings = new CopyOnWriteArrayList<>();

		@ZkWatch("/invalid/node")
		void map(Map<String, Object> properties) {
			this.maps.add(properties);
		}

		@ZkWatch("/invalid/node")
		void bound(Settings bound) {
			this.settings.add(bound);
		}

	}

	static class MissingNodeWatch {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@ZkWatch("/appears/node")
		void changed(String data, Stat stat) {
			this.seen.add((data != null && stat != null) ? data : "absent");
		}

	}

	static class CountingWatch {

		final List<Integer> values = new CopyOnWriteArrayList<>();

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger maxConcurrent = new AtomicInteger();

		@ZkWatch("/rapid")
		void changed(String value) throws InterruptedException {
			this.maxConcurrent.accumulateAndGet(this.running.incrementAndGet(), Math::max);
			this.values.add(Integer.valueOf(value));
			Thread.sleep(1);
			this.running.decrementAndGet();
		}

	}

	static class ExpiringWatch {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@ZkWatch("/expiring")
		void changed(String value) {
			this.seen.add(value);
		}

	}

	static class RestartWatch {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@ZkWatch("/restarting")
		void changed(String value) {
			this.seen.add(value);
		}

	}

	static class LateWatch {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@ZkWatch("/late")
		void changed(String value) {
			this.seen.add((value != null) ? value : "absent");
		}

	}

	static class StoppingWatch {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@ZkWatch("/stopping")
		boolean changed(String value) {
			this.seen.add(value);
			return !"stop".equals(value);
		}

	}

	static class ThrowingWatch {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@ZkWatch("/throwing")
		void changed(String value) {
			this.seen.add(value);
			throw new IllegalStateException("a bug in the method");
		}

	}

	static class PlaceholderWatch {

		final List<String> seen = new CopyOnWriteArrayList<>();

		@ZkWatch("/apps/${app.name}")
		void changed(String value) {
			this.seen.add(value);
		}

	}

	static class BadWatch {

		@ZkWatch(path = "/bad", children = true)
		void childrenAsText(String text) {
		}

	}

}
