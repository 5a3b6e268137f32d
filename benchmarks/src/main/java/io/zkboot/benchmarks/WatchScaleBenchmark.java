package io.zkboot.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkWatchAutoConfiguration;
import io.zkboot.core.ZkTemplate;
import io.zkboot.watch.ZkWatch;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.client.FourLetterWordMain;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.PropertySource;

/**
 * {@value #WATCHES} {@link ZkWatch @ZkWatch} methods on distinct nodes, in one application,
 * against {@value #WATCHES} bare Curator {@link CuratorCache}s on one client and against one
 * bare {@code CuratorCache} alone, on a server of this benchmark's own (as
 * {@link WatchLatencyBenchmark}'s: no fsync; four-letter words allowed):
 * <ul>
 * <li>the time to start: the application's context (its {@value #WATCHES} beans, each with one
 * {@code @ZkWatch} method whose path comes from a placeholder, registered programmatically), the
 * same context with beans that have no {@code @ZkWatch} method, and the {@code CuratorCache}s
 * until each has read its node;</li>
 * <li>the heap held per watch: the heap in use after full collections once started, less before,
 * divided by {@value #WATCHES}, and the server's watch count ({@code wchs}) added by each;</li>
 * <li>the latency from {@code setData} by another client to the new value's delivery, for one
 * node drawn at random among the {@value #WATCHES} each change, measured as
 * {@link WatchLatencyBenchmark} does (subjects in a shuffled order each round, each change when
 * the process is quiet; {@value #WARMUP} rounds not counted, {@value #CHANGES} counted).</li>
 * </ul>
 * {@code --runs} and {@code --nodes} do not apply.
 */
final class WatchScaleBenchmark implements Benchmark {

	private static final int WATCHES = 10_000;

	private static final int WARMUP = 1000;

	private static final int CHANGES = 2000;

	private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(10);

	private static final String ROOT = "/watch-scale";

	private static final String WHITELIST = "zookeeper.4lw.commands.whitelist";

	private static final Pattern TOTAL_WATCHES = Pattern.compile("Total watches:\\s*(\\d+)");

	private static final String OPERATION = "setData of one node among 10,000 to value seen";

	private static final String STARTED = "start 10,000 watches";

	private TestingServer server;

	private CuratorFramework writer;

	@Override
	public String name() {
		return "watch-scale";
	}

	@Override
	public List<Row> run(BenchmarkContext context) throws Exception {
		String whitelist = System.getProperty(WHITELIST);
		System.setProperty(WHITELIST, "*");
		try (TestingServer server = ChangeRounds.startServer();
				CuratorFramework writer = CuratorFrameworkFactory.newClient(server.getConnectString(),
						new RetryOneTime(100))) {
			writer.start();
			writer.blockUntilConnected();
			this.server = server;
			this.writer = writer;
			Map<String, byte[]> nodes = new LinkedHashMap<>();
			byte[] init = "init".getBytes(StandardCharsets.UTF_8);
			for (int i = 0; i < WATCHES; i++) {
				nodes.put(path("zk", i), init);
				nodes.put(path("cc", i), init);
			}
			nodes.put(ROOT + "/one", init);
			new ZkTemplate(writer).createTree(nodes);
			return measure();
		}
		finally {
			if (whitelist == null) {
				System.clearProperty(WHITELIST);
			}
			else {
				System.setProperty(WHITELIST, whitelist);
			}
		}
	}

	private List<Row> measure() throws Exception {
		List<Row> rows = new ArrayList<>();
		List<ChangeRounds.Subject> subjects = new ArrayList<>();
		try {
			// warms up class loading and Spring's caches, so the measured start does not pay for them
			application(100, true).close();
			application(100, false).close();

			Started plainBeans = start(() -> application(WATCHES, false)::close);
			Started zkWatches = start(() -> application(WATCHES, true)::close);
			Probe zkProbe = NodeWatcher.probe;
			subjects.add(new ChangeRounds.Subject("10,000 @ZkWatch methods, one application", zkProbe,
					change("zk", 1), zkWatches.closer()));
			plainBeans.closer().close();

			Probe ccProbe = new Probe();
			Started caches = start(() -> caches(ccProbe));
			subjects.add(new ChangeRounds.Subject("10,000 bare CuratorCaches, one client", ccProbe,
					change("cc", 2), caches.closer()));
			Probe oneProbe = new Probe();
			Started one = start(() -> cache(oneProbe));
			subjects.add(new ChangeRounds.Subject("one bare CuratorCache, one node", oneProbe,
					(value) -> set(ROOT + "/one", value), one.closer()));

			Result cacheStart = new Result(name(), STARTED, "10,000 bare CuratorCaches, one client (baseline)",
					WATCHES, caches.millis(), 0);
			rows.add(cacheStart);
			rows.add(new Result(name(), STARTED, "application context with 10,000 @ZkWatch beans", WATCHES,
					zkWatches.millis(), caches.millis()));
			rows.add(new Result(name(), STARTED, "application context with 10,000 beans, no @ZkWatch", WATCHES,
					plainBeans.millis(), caches.millis()));

			String held = "watches once started (full GC)";
			rows.add(memory(held, "10,000 @ZkWatch methods (bean and definition included)", zkWatches));
			rows.add(memory(held, "10,000 beans without @ZkWatch (their share of the above)", plainBeans));
			rows.add(memory(held, "10,000 bare CuratorCaches, one client", caches));

			Map<String, long[]> latencies = ChangeRounds.measure(WARMUP, CHANGES, subjects, WatchLatencyBenchmark.WRITE);
			LatencyResult oneRow = latency(subjects.get(2).name() + " (baseline)", latencies.get(subjects.get(2).name()),
					null);
			LatencyResult cachesRow = latency(subjects.get(1).name(), latencies.get(subjects.get(1).name()), oneRow);
			long[] ours = latencies.get(subjects.get(0).name());
			rows.add(oneRow);
			rows.add(cachesRow);
			rows.add(latency(subjects.get(0).name(), ours, oneRow));
			rows.add(latency(subjects.get(0).name() + " (ratios to 10,000 CuratorCaches)", ours, cachesRow));
			rows.add(latency("the writer's setData alone", latencies.get(WatchLatencyBenchmark.WRITE), oneRow));
			return rows;
		}
		finally {
			for (ChangeRounds.Subject subject : subjects) {
				subject.close();
			}
		}
	}

	private LatencyResult latency(String subject, long[] nanos, LatencyResult baseline) {
		return LatencyResult.of(name(), OPERATION, subject, nanos, TIMEOUT, baseline);
	}

	private MemoryResult memory(String held, String subject, Started started) {
		return new MemoryResult(name(), held, subject + "; server watches +" + started.serverWatches(), WATCHES,
				started.heap(), 0);
	}

	/** Starts a subject, timing it, and measures the heap and the server watches it added. */
	private Started start(Starting starting) throws Exception {
		long watches = serverWatches();
		long heap = Heap.live();
		long start = System.nanoTime();
		ChangeRounds.Closer closer = starting.start();
		double millis = (System.nanoTime() - start) / 1e6;
		long held = Heap.live() - heap;
		long threads = ManagementFactory.getThreadMXBean().getPeakThreadCount();
		System.out.printf("watch-scale: started in %.0f ms, %d bytes held, peak thread count %d%n", millis, held,
				threads);
		return new Started(millis, held, serverWatches() - watches, closer);
	}

	/** The server's watch count, from its {@code wchs} four-letter word. */
	private long serverWatches() throws Exception {
		String answer = FourLetterWordMain.send4LetterWord("127.0.0.1", this.server.getPort(), "wchs");
		Matcher matcher = TOTAL_WATCHES.matcher(answer);
		if (!matcher.find()) {
			throw new IllegalStateException("unexpected wchs answer: " + answer);
		}
		return Long.parseLong(matcher.group(1));
	}

	private ConfigurableApplicationContext application(int watches, boolean annotated) {
		NodeWatcher.probe = new Probe();
		return new SpringApplicationBuilder(WatchScaleApp.class).web(WebApplicationType.NONE)
			.properties("logging.level.root=WARN", "spring.main.banner-mode=off")
			.initializers((context) -> {
				context.getEnvironment().getPropertySources().addFirst(new CurrentPathSource());
				GenericApplicationContext registry = (GenericApplicationContext) context;
				for (int i = 0; i < watches; i++) {
					String path = path("zk", i);
					if (annotated) {
						registry.registerBean("watcher-" + i, NodeWatcher.class, () -> new NodeWatcher(path));
					}
					else {
						registry.registerBean("bean-" + i, PlainBean.class, () -> new PlainBean(path));
					}
				}
			})
			.run("--zk.connect-string=" + this.server.getConnectString(), "--spring.cloud.zookeeper.enabled=false");
	}

	private ChangeRounds.Closer caches(Probe probe) throws Exception {
		CuratorFramework client = client();
		List<CuratorCache> caches = new ArrayList<>(WATCHES);
		CountDownLatch initialized = new CountDownLatch(WATCHES);
		CuratorCacheListener listener = CuratorCacheListener.builder()
			.forChanges((old, node) -> probe.seen(new String(node.getData(), StandardCharsets.UTF_8)))
			.forInitialized(initialized::countDown)
			.build();
		for (int i = 0; i < WATCHES; i++) {
			CuratorCache cache = CuratorCache.build(client, path("cc", i));
			cache.listenable().addListener(listener);
			cache.start();
			caches.add(cache);
		}
		DiscoveryBenchmark.check(initialized.await(60, TimeUnit.SECONDS), "every CuratorCache initialized");
		return () -> {
			caches.forEach(CuratorCache::close);
			client.close();
		};
	}

	private ChangeRounds.Closer cache(Probe probe) throws Exception {
		CuratorFramework client = client();
		CountDownLatch initialized = new CountDownLatch(1);
		CuratorCache cache = CuratorCache.build(client, ROOT + "/one");
		cache.listenable()
			.addListener(CuratorCacheListener.builder()
				.forChanges((old, node) -> probe.seen(new String(node.getData(), StandardCharsets.UTF_8)))
				.forInitialized(initialized::countDown)
				.build());
		cache.start();
		DiscoveryBenchmark.check(initialized.await(10, TimeUnit.SECONDS), "the CuratorCache initialized");
		return () -> {
			cache.close();
			client.close();
		};
	}

	private CuratorFramework client() throws InterruptedException {
		CuratorFramework client = CuratorFrameworkFactory.newClient(this.server.getConnectString(),
				new RetryOneTime(100));
		client.start();
		client.blockUntilConnected();
		return client;
	}

	/** Sets a node drawn at random (from a seeded sequence of the subject's own) among the 10,000. */
	private ChangeRounds.Change change(String set, long seed) {
		Random random = new Random(seed);
		return (value) -> set(path(set, random.nextInt(WATCHES)), value);
	}

	private void set(String path, String value) throws Exception {
		this.writer.setData().forPath(path, value.getBytes(StandardCharsets.UTF_8));
	}

	private static String path(String set, int index) {
		return String.format("%s/%s/n-%05d", ROOT, set, index);
	}

	/** How a subject starts; it returns how to stop it. */
	@FunctionalInterface
	private interface Starting {

		ChangeRounds.Closer start() throws Exception;

	}

	/** A started subject: its start time, the heap it holds, the server watches it added. */
	private record Started(double millis, long heap, long serverWatches, ChangeRounds.Closer closer) {
	}

	/**
	 * Answers {@code bench.watch.path} with the path of the bean being made: beans are made one
	 * at a time and their {@code @ZkWatch} paths resolved right after, on the same thread.
	 */
	private static final class CurrentPathSource extends PropertySource<Object> {

		CurrentPathSource() {
			super("bench-current-watch-path");
		}

		@Override
		public Object getProperty(String name) {
			return "bench.watch.path".equals(name) ? NodeWatcher.current : null;
		}

	}

	/** The application: only the client and the watches. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class })
	static class WatchScaleApp {

	}

	/** A bean with one {@code @ZkWatch} method on its own node. */
	static class NodeWatcher {

		static volatile String current;

		static volatile Probe probe;

		NodeWatcher(String path) {
			current = path;
		}

		@ZkWatch("${bench.watch.path}")
		void changed(String value) {
			probe.seen(value);
		}

	}

	/** The same bean without a watch, to tell the bean's share of the heap and the start. */
	static class PlainBean {

		private final String path;

		PlainBean(String path) {
			this.path = path;
		}

		String path() {
			return this.path;
		}

	}

}
