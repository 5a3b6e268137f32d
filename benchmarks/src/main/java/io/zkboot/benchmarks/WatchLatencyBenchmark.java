package io.zkboot.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkConfigAutoConfiguration;
import io.zkboot.autoconfigure.ZkWatchAutoConfiguration;
import io.zkboot.benchmarks.ChangeRounds.Subject;
import io.zkboot.watch.ZkWatch;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.retry.RetryOneTime;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Latency from {@code setData} by another client to the moment the application sees the new
 * value, on one ZooKeeper server (this benchmark's own), in one run:
 *
 * <ol>
 * <li>a bare Curator {@link CuratorCache} listener (the floor);</li>
 * <li>a {@link ZkWatch @ZkWatch} method taking the data as a String;</li>
 * <li>a {@code @ConfigurationProperties} bean re-bound from {@code spring.config.import=zk:},
 * in an application without and in one with a web server and actuator;</li>
 * <li>the same bean re-bound by Spring Cloud Zookeeper's config refresh
 * ({@code spring.config.import=zookeeper:}, ConfigWatcher, RefreshEvent, ContextRefresher,
 * ConfigurationPropertiesRebinder), in the same two applications.</li>
 * </ol>
 *
 * All run at once and their nodes are changed once per round, in an order shuffled every round,
 * each change made when the process is quiet and measured until it was seen (or 10 s passed), so
 * every figure is the latency of one isolated change. A bean is "seen" re-bound when its setter
 * receives the new value. The first {@value #WARMUP} rounds are not counted, the next
 * {@value #CHANGES} are. A last row gives the writer's {@code setData} alone. Ratios are to the
 * bare {@link CuratorCache} listener, and for Spring Cloud Zookeeper's refresh to the {@code zk:}
 * re-bind in the same kind of application ("how many times slower than ours"). See
 * docs/performance.md.
 */
final class WatchLatencyBenchmark implements Benchmark {

	private static final int WARMUP = 2000;

	private static final int CHANGES = 2000;

	private static final String OPERATION = "setData to value seen";

	static final String WRITE = "the writer's setData alone (all subjects' changes)";

	private CuratorFramework writer;

	private String connectString;

	@Override
	public String name() {
		return "watch-latency";
	}

	@Override
	public List<LatencyResult> run(BenchmarkContext context) throws Exception {
		return ChangeRounds.onServer((writer, connectString) -> {
			this.writer = writer;
			this.connectString = connectString;
			return measureAll();
		});
	}

	private List<LatencyResult> measureAll() throws Exception {
		List<Subject> subjects = new ArrayList<>();
		try {
			subjects.add(curatorCache());
			subjects.add(zkWatch());
			subjects.add(zkConfig(Size.SMALL));
			subjects.add(springCloudZookeeper(Size.SMALL));
			subjects.add(zkConfig(Size.WEB));
			subjects.add(springCloudZookeeper(Size.WEB));
			Map<String, long[]> latencies = ChangeRounds.measure(WARMUP, CHANGES, subjects, WRITE);
			List<String> names = new ArrayList<>(latencies.keySet());
			LatencyResult bare = row(names.get(0), latencies, null);
			LatencyResult zkWatch = row(names.get(1), latencies, bare);
			LatencyResult zkConfigSmall = row(names.get(2), latencies, bare);
			LatencyResult springCloudSmall = row(names.get(3), latencies, zkConfigSmall);
			LatencyResult zkConfigWeb = row(names.get(4), latencies, bare);
			LatencyResult springCloudWeb = row(names.get(5), latencies, zkConfigWeb);
			LatencyResult write = row(WRITE, latencies, bare);
			return List.of(bare, zkWatch, zkConfigSmall, springCloudSmall, zkConfigWeb, springCloudWeb, write);
		}
		finally {
			for (Subject subject : subjects) {
				subject.close();
			}
		}
	}

	private LatencyResult row(String subject, Map<String, long[]> latencies, LatencyResult baseline) {
		return LatencyResult.of(name(), OPERATION, subject, latencies.get(subject), ChangeRounds.TIMEOUT, baseline);
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
		ConfigurableApplicationContext context = BenchApps.run(WatchApp.class, Size.SMALL.type,
				"--zk.connect-string=" + this.connectString, "--spring.cloud.zookeeper.enabled=false");
		return new Subject("@ZkWatch method", WatchApp.PROBE, (value) -> set(path, value), context::close);
	}

	private Subject zkConfig(Size size) throws Exception {
		String node = "/bench/zkconfig-" + size.name().toLowerCase(Locale.ROOT);
		String path = node + "/bench";
		set(path, "{\"value\":\"init\"}");
		Probe probe = new Probe();
		ZkBenchProperties.PROBES.put(size, probe);
		Class<?> application = (size == Size.SMALL) ? ConfigApp.class : ConfigWebApp.class;
		ConfigurableApplicationContext context = BenchApps.run(application, size.type, "--bench.size=" + size,
				"--zk.connect-string=" + this.connectString, "--spring.config.import=zk:" + node,
				"--spring.autoconfigure.exclude=" + BenchApps.autoConfigurations("org.springframework.cloud.zookeeper"),
				"--spring.cloud.zookeeper.enabled=false");
		return new Subject("@ConfigurationProperties re-bound (zk: import, " + size.description
				+ "; baseline of the next row)", probe, (value) -> set(path, "{\"value\":\"" + value + "\"}"),
				context::close);
	}

	private Subject springCloudZookeeper(Size size) throws Exception {
		String root = "scz-" + size.name().toLowerCase(Locale.ROOT);
		String path = "/" + root + "/application/bench/value";
		set(path, "init");
		Probe probe = new Probe();
		SpringCloudBenchProperties.PROBES.put(size, probe);
		ConfigurableApplicationContext context = BenchApps.run(SpringCloudApp.class, size.type, "--bench.size=" + size,
				"--spring.application.name=bench", "--spring.config.import=zookeeper:" + this.connectString,
				"--spring.cloud.zookeeper.connect-string=" + this.connectString,
				"--spring.cloud.zookeeper.config.root=" + root, "--spring.cloud.zookeeper.discovery.enabled=false",
				"--spring.autoconfigure.exclude=" + BenchApps.autoConfigurations("io.zkboot"));
		return new Subject("@ConfigurationProperties re-bound (Spring Cloud Zookeeper 5.0.1 refresh, "
				+ size.description + ")", probe, (value) -> set(path, value), context::close);
	}

	private void set(String path, String text) throws Exception {
		ChangeRounds.set(this.writer, path, text);
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

		static final Map<Size, Probe> PROBES = new ConcurrentHashMap<>();

		private final Size size;

		@Autowired
		ZkBenchProperties(Environment environment) {
			this.size = environment.getRequiredProperty("bench.size", Size.class);
		}

		@Override
		Probe probe() {
			return PROBES.get(this.size);
		}

	}

	/** The bean bound from Spring Cloud Zookeeper configuration. */
	@ConfigurationProperties("bench")
	public static class SpringCloudBenchProperties extends BenchProperties {

		static final Map<Size, Probe> PROBES = new ConcurrentHashMap<>();

		private final Size size;

		@Autowired
		SpringCloudBenchProperties(Environment environment) {
			this.size = environment.getRequiredProperty("bench.size", Size.class);
		}

		@Override
		Probe probe() {
			return PROBES.get(this.size);
		}

	}

	/** How big the application around the bound bean is. */
	enum Size {

		/** No web server ({@code zk:}: only the three auto-configurations it needs). */
		SMALL(WebApplicationType.NONE, "no web server"),

		/** A servlet web application with actuator and every auto-configuration on the class path. */
		WEB(WebApplicationType.SERVLET, "web application with actuator");

		private final WebApplicationType type;

		private final String description;

		Size(WebApplicationType type, String description) {
			this.type = type;
			this.description = description;
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

	/** A small application bound to {@code zk:} configuration. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class,
			ZkConfigAutoConfiguration.class })
	@EnableConfigurationProperties(ZkBenchProperties.class)
	static class ConfigApp {

	}

	/** A web application bound to {@code zk:} configuration, with every auto-configuration. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableConfigurationProperties(ZkBenchProperties.class)
	static class ConfigWebApp {

	}

	/**
	 * An application bound to Spring Cloud Zookeeper configuration, with refresh and every
	 * auto-configuration (a web application when the size says so).
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableConfigurationProperties(SpringCloudBenchProperties.class)
	static class SpringCloudApp {

	}

}
