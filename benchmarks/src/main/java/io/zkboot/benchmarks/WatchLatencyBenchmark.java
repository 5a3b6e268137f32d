package io.zkboot.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkConfigAutoConfiguration;
import io.zkboot.autoconfigure.ZkEmbeddedAutoConfiguration;
import io.zkboot.autoconfigure.ZkWatchAutoConfiguration;
import io.zkboot.watch.ZkWatch;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.retry.RetryOneTime;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Latency from {@code setData} by another client to the moment the application sees the new
 * value, on one ZooKeeper server, in one run:
 *
 * <ol>
 * <li>a bare Curator {@link CuratorCache} listener (the floor);</li>
 * <li>a {@link ZkWatch @ZkWatch} method taking the data as a String;</li>
 * <li>a {@code @ConfigurationProperties} bean re-bound from {@code spring.config.import=zk:};</li>
 * <li>the same bean re-bound by Spring Cloud Zookeeper's config refresh
 * ({@code spring.config.import=zookeeper:}, ConfigWatcher, RefreshEvent, ContextRefresher,
 * ConfigurationPropertiesRebinder).</li>
 * </ol>
 *
 * All four run at once and their nodes are changed in turn (one change, wait until it was seen or
 * 10 s passed, next path; each round starts with the next path), so every figure is the latency
 * of one isolated change and every path meets the same machine load. A bean is "seen" re-bound when its
 * setter receives the new value. The first {@value #WARMUP} changes of each run are not counted.
 *
 * <p>The context's client is the writer; each subject has its own client (or application) on the
 * same server. {@value #CHANGES} changes per path are counted. Rows: latency percentiles, with
 * ratios to the bare {@link CuratorCache} listener (the first two rows and the {@code zk:} re-bind)
 * and to the {@code zk:} re-bind (Spring Cloud Zookeeper's refresh, so that its p99 ratio reads as
 * "how many times slower than ours").
 */
final class WatchLatencyBenchmark implements Benchmark {

	private static final int WARMUP = 100;

	private static final int CHANGES = 1000;

	private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(10);

	private static final String OPERATION = "setData to value seen";

	private CuratorFramework writer;

	private String connectString;

	@Override
	public String name() {
		return "watch-latency";
	}

	@Override
	public List<LatencyResult> run(BenchmarkContext context) throws Exception {
		this.writer = context.client();
		this.connectString = context.client().getZookeeperClient().getCurrentConnectionString();
		List<Subject> subjects = new ArrayList<>();
		try {
			subjects.add(curatorCache());
			subjects.add(zkWatch());
			subjects.add(zkConfig());
			subjects.add(springCloudZookeeper());
			Map<String, long[]> latencies = measure(CHANGES, subjects);
			List<String> names = new ArrayList<>(latencies.keySet());
			LatencyResult bare = row(names.get(0), latencies, null);
			LatencyResult zkWatch = row(names.get(1), latencies, bare);
			LatencyResult zkConfig = row(names.get(2), latencies, bare);
			LatencyResult springCloud = row(names.get(3), latencies, zkConfig);
			return List.of(bare, zkWatch, zkConfig, springCloud);
		}
		finally {
			for (Subject subject : subjects) {
				subject.close();
			}
		}
	}

	private LatencyResult row(String subject, Map<String, long[]> latencies, LatencyResult baseline) {
		return LatencyResult.of(name(), OPERATION, subject, latencies.get(subject), TIMEOUT, baseline);
	}

	private Subject curatorCache() throws Exception {
		String path = "/bench/curator";
		set(path, "init");
		Probe probe = new Probe();
		CuratorFramework client = CuratorFrameworkFactory.newClient(this.connectString, new RetryOneTime(100));
		client.start();
		client.blockUntilConnected();
		CuratorCache cache = CuratorCache.build(client, path);
		cache.listenable()
			.addListener(CuratorCacheListener.builder()
				.forChanges((old, node) -> probe.seen(new String(node.getData(), StandardCharsets.UTF_8)))
				.build());
		cache.start();
		return new Subject("Curator CuratorCache listener (bare, baseline)", probe, (value) -> set(path, value), () -> {
			cache.close();
			client.close();
		});
	}

	private Subject zkWatch() throws Exception {
		String path = "/bench/zkwatch";
		set(path, "init");
		WatchApp.PROBE = new Probe();
		ConfigurableApplicationContext context = run(WatchApp.class, "--zk.connect-string=" + this.connectString,
				"--spring.cloud.zookeeper.config.enabled=false", "--spring.cloud.zookeeper.discovery.enabled=false",
				"--zk.config.watch=false");
		return new Subject("@ZkWatch method", WatchApp.PROBE, (value) -> set(path, value), context::close);
	}

	private Subject zkConfig() throws Exception {
		String path = "/bench/zkconfig/bench";
		set(path, "{\"value\":\"init\"}");
		ZkBenchProperties.PROBE = new Probe();
		ConfigurableApplicationContext context = run(ConfigApp.class, "--zk.connect-string=" + this.connectString,
				"--spring.config.import=zk:/bench/zkconfig", "--spring.cloud.zookeeper.config.enabled=false",
				"--spring.cloud.zookeeper.discovery.enabled=false");
		return new Subject("@ConfigurationProperties re-bound (zk: import; baseline of the next row)", ZkBenchProperties.PROBE,
				(value) -> set(path, "{\"value\":\"" + value + "\"}"), context::close);
	}

	private Subject springCloudZookeeper() throws Exception {
		String path = "/scz/application/bench/value";
		set(path, "init");
		SpringCloudBenchProperties.PROBE = new Probe();
		ConfigurableApplicationContext context = run(SpringCloudApp.class, "--spring.application.name=bench",
				"--spring.config.import=zookeeper:" + this.connectString,
				"--spring.cloud.zookeeper.connect-string=" + this.connectString,
				"--spring.cloud.zookeeper.config.root=scz", "--spring.cloud.zookeeper.discovery.enabled=false");
		return new Subject("@ConfigurationProperties re-bound (Spring Cloud Zookeeper 5.0.1 refresh)",
				SpringCloudBenchProperties.PROBE, (value) -> set(path, value), context::close);
	}

	private static ConfigurableApplicationContext run(Class<?> application, String... arguments) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties("logging.level.root=WARN", "spring.main.banner-mode=off")
			.run(arguments);
	}

	private void set(String path, String text) throws Exception {
		byte[] data = text.getBytes(StandardCharsets.UTF_8);
		if (this.writer.checkExists().forPath(path) == null) {
			this.writer.create().creatingParentsIfNeeded().forPath(path, data);
		}
		else {
			this.writer.setData().forPath(path, data);
		}
	}

	/**
	 * Changes each subject's node in turn, starting each round with the next subject, so that
	 * every path meets the same machine load and none always follows the same one.
	 */
	private static Map<String, long[]> measure(int changes, List<Subject> subjects) throws Exception {
		Map<String, List<Long>> latencies = new LinkedHashMap<>();
		subjects.forEach((subject) -> latencies.put(subject.name(), new ArrayList<>()));
		for (int i = 0; i < WARMUP + changes; i++) {
			String value = "v" + i;
			for (int turn = 0; turn < subjects.size(); turn++) {
				Subject subject = subjects.get((i + turn) % subjects.size());
				subject.probe().expect(value);
				long start = System.nanoTime();
				subject.change().make(value);
				long seen = subject.probe().await(start + TIMEOUT);
				if (i >= WARMUP) {
					latencies.get(subject.name()).add((seen > 0) ? seen - start : TIMEOUT);
				}
			}
		}
		Map<String, long[]> sorted = new LinkedHashMap<>();
		latencies.forEach((name, list) -> sorted.put(name, list.stream().mapToLong(Long::longValue).sorted().toArray()));
		return sorted;
	}

	/** One change of the node under measurement. */
	@FunctionalInterface
	private interface Change {

		void make(String value) throws Exception;

	}

	/** Releases what a subject holds. */
	@FunctionalInterface
	private interface Closer {

		void close() throws Exception;

	}

	/** One path under measurement: how to change its node and where the change is seen. */
	private record Subject(String name, Probe probe, Change change, Closer closer) {

		void close() throws Exception {
			this.closer.close();
		}

	}

	/** Where the application reports the value it saw, and when. */
	static final class Probe {

		private volatile String expected;

		private volatile long seenAt;

		private volatile Thread waiter;

		void expect(String value) {
			this.seenAt = 0;
			this.waiter = Thread.currentThread();
			this.expected = value;
		}

		void seen(String value) {
			if (value != null && value.equals(this.expected) && this.seenAt == 0) {
				this.seenAt = System.nanoTime();
				LockSupport.unpark(this.waiter);
			}
		}

		long await(long deadline) {
			while (this.seenAt == 0 && System.nanoTime() < deadline) {
				LockSupport.parkNanos(deadline - System.nanoTime());
			}
			return this.seenAt;
		}

	}

	/** A bean bound to {@code bench.*}; its setter reports each value bound. */
	abstract static class BenchProperties {

		private String value;

		public String getValue() {
			return this.value;
		}

		public void setValue(String value) {
			this.value = value;
			Probe probe = probe();
			if (probe != null) {
				probe.seen(value);
			}
		}

		abstract Probe probe();

	}

	/** The bean bound from {@code zk:} configuration. */
	@ConfigurationProperties("bench")
	public static class ZkBenchProperties extends BenchProperties {

		static volatile Probe PROBE;

		@Override
		Probe probe() {
			return PROBE;
		}

	}

	/** The bean bound from Spring Cloud Zookeeper configuration. */
	@ConfigurationProperties("bench")
	public static class SpringCloudBenchProperties extends BenchProperties {

		static volatile Probe PROBE;

		@Override
		Probe probe() {
			return PROBE;
		}

	}

	/** An application with one {@code @ZkWatch} method. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class })
	static class WatchApp {

		static volatile Probe PROBE;

		@Bean
		Watcher watcher() {
			return new Watcher();
		}

		static class Watcher {

			@ZkWatch("/bench/zkwatch")
			void changed(String value) {
				PROBE.seen(value);
			}

		}

	}

	/** An application bound to {@code zk:} configuration. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class,
			ZkConfigAutoConfiguration.class })
	@EnableConfigurationProperties(ZkBenchProperties.class)
	static class ConfigApp {

	}

	/** An application bound to Spring Cloud Zookeeper configuration, with refresh. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class,
			ZkConfigAutoConfiguration.class, ZkEmbeddedAutoConfiguration.class })
	@EnableConfigurationProperties(SpringCloudBenchProperties.class)
	static class SpringCloudApp {

	}

}
