package io.zkboot.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

import io.zkboot.core.NodeProperties;
import io.zkboot.discovery.ZkDiscoveryClient;
import io.zkboot.discovery.ZkInstanceCodec;
import io.zkboot.discovery.ZkInstanceStatus;
import io.zkboot.discovery.ZkRegistration;
import io.zkboot.discovery.ZkServiceCatalog;
import io.zkboot.discovery.ZkServiceRegistry;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.x.discovery.ServiceDiscovery;
import org.apache.curator.x.discovery.ServiceDiscoveryBuilder;
import org.apache.curator.x.discovery.ServiceInstance;
import org.apache.curator.x.discovery.details.JsonInstanceSerializer;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;

import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.commons.util.InetUtils;
import org.springframework.cloud.commons.util.InetUtilsProperties;
import org.springframework.cloud.zookeeper.discovery.ZookeeperDiscoveryClient;
import org.springframework.cloud.zookeeper.discovery.ZookeeperDiscoveryProperties;
import org.springframework.cloud.zookeeper.discovery.ZookeeperInstance;

/**
 * Discovery side by side with Spring Cloud Zookeeper 5.0.1, on one in-process ZooKeeper
 * server, in one run:
 * <ol>
 * <li>getInstances throughput of zk-spring-boot's {@link ZkDiscoveryClient} and of Spring
 * Cloud Zookeeper's {@link ZookeeperDiscoveryClient}, for a service of 10 instances, on 1
 * and 4 threads;</li>
 * <li>the time from the creation of an instance node to its visibility: in
 * {@link ZkDiscoveryClient} (busy-polled, it answers from memory), in a bare Curator watch
 * (a {@link CuratorCache} listener on the same client, seeing the same creation), and in
 * {@link ZookeeperDiscoveryClient} (busy-polled; its registration is made in its own
 * format under its own root).</li>
 * </ol>
 *
 * <p>Throughput rows: one measured window of {@value #SECONDS} s after a 1 s warm-up per subject and
 * thread count ("ops" are {@code getInstances} calls; the ratio is ours over theirs). Latency rows:
 * {@value #ROUNDS} rounds, ratios to the bare watch (ours) and to ours (Spring Cloud Zookeeper's).
 * The registrar and the reader are two clients of their own on the context's server.
 */
final class DiscoveryBenchmark implements Benchmark {

	private static final int INSTANCES = 10;

	private static final int SECONDS = 5;

	private static final int ROUNDS = 100;

	private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(10);

	@Override
	public String name() {
		return "discovery";
	}

	@Override
	public List<Row> run(BenchmarkContext context) throws Exception {
		String connectString = context.client().getZookeeperClient().getCurrentConnectionString();
		List<Row> rows = new ArrayList<>();
		try (CuratorFramework registrar = client(connectString);
				CuratorFramework reader = client(connectString);
				ZkServiceCatalog catalog = new ZkServiceCatalog(reader, "/services", "providers",
						Duration.ofSeconds(10), (event) -> {
						})) {
			ZkDiscoveryClient ours = new ZkDiscoveryClient(catalog);
			ServiceDiscovery<ZookeeperInstance> theirRegistrar = serviceDiscovery(registrar);
			ServiceDiscovery<ZookeeperInstance> theirReader = serviceDiscovery(reader);
			ZookeeperDiscoveryProperties theirProperties = new ZookeeperDiscoveryProperties(
					new InetUtils(new InetUtilsProperties()));
			theirProperties.setRoot("/sczk");
			DiscoveryClient theirs = new ZookeeperDiscoveryClient(theirReader, null, theirProperties);

			ZkServiceRegistry registry = new ZkServiceRegistry(registrar, (event) -> {
			});
			for (int i = 0; i < INSTANCES; i++) {
				registry.register(new ZkRegistration("bench", "bench-" + i, "/services/bench/providers",
						List.of("10.0.0." + i), 8080, false, Map.of("zone", "eu")));
				theirRegistrar.registerService(theirInstance("bench", "10.0.0." + i));
			}
			check(ours.getInstances("bench").size() == INSTANCES, "ours sees every instance");
			check(theirs.getInstances("bench").size() == INSTANCES, "Spring Cloud Zookeeper sees every instance");

			for (int threads : new int[] { 1, 4 }) {
				String operation = "getInstances (" + INSTANCES + " instances), " + threads + " thread(s)";
				throughput(ours, threads, 1);
				throughput(theirs, threads, 1);
				Calls their = throughput(theirs, threads, SECONDS);
				Calls our = throughput(ours, threads, SECONDS);
				rows.add(new Result(name(), operation, "Spring Cloud Zookeeper ZookeeperDiscoveryClient (baseline)",
						their.calls(), their.millis(), 0));
				rows.add(new Result(name(), operation, "zk-spring-boot ZkDiscoveryClient", our.calls(), our.millis(),
						our.calls() / their.perMilli()));
			}
			rows.addAll(visibility(registrar, reader, ours, theirs, theirRegistrar, ROUNDS));
			theirRegistrar.close();
			theirReader.close();
		}
		return rows;
	}

	static CuratorFramework client(String connectString) throws InterruptedException {
		CuratorFramework client = CuratorFrameworkFactory.newClient(connectString, 30_000, 10_000,
				new RetryOneTime(100));
		client.start();
		check(client.blockUntilConnected(30, TimeUnit.SECONDS), "connected");
		return client;
	}

	static ServiceDiscovery<ZookeeperInstance> serviceDiscovery(CuratorFramework client) throws Exception {
		ServiceDiscovery<ZookeeperInstance> discovery = ServiceDiscoveryBuilder.builder(ZookeeperInstance.class)
			.client(client)
			.basePath("/sczk")
			.serializer(new JsonInstanceSerializer<>(ZookeeperInstance.class))
			.build();
		discovery.start();
		return discovery;
	}

	static ServiceInstance<ZookeeperInstance> theirInstance(String name, String host) throws Exception {
		return ServiceInstance.<ZookeeperInstance>builder()
			.name(name)
			.address(host)
			.port(8080)
			.payload(new ZookeeperInstance(host + ":8080", name, Map.of("zone", "eu")))
			.build();
	}

	private static Calls throughput(DiscoveryClient client, int threads, int seconds) throws InterruptedException {
		LongAdder calls = new LongAdder();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				long sink = 0;
				while (running.get()) {
					sink += client.getInstances("bench").size();
					calls.increment();
				}
				check(sink > 0, "instances seen");
			});
			workers.add(worker);
			worker.start();
		}
		long start = System.nanoTime();
		Thread.sleep(seconds * 1000L);
		running.set(false);
		for (Thread worker : workers) {
			worker.join();
		}
		double millis = (System.nanoTime() - start) / 1e6;
		return new Calls(calls.sum(), millis);
	}

	/** The calls made in one measured window, and its length. */
	private record Calls(long calls, double millis) {

		double perMilli() {
			return this.calls / this.millis;
		}

	}

	private List<LatencyResult> visibility(CuratorFramework registrar, CuratorFramework reader, ZkDiscoveryClient ours,
			DiscoveryClient theirs, ServiceDiscovery<ZookeeperInstance> theirRegistrar, int rounds) throws Exception {
		String providers = "/services/latency/providers";
		registrar.create().creatingParentsIfNeeded().forPath(providers);
		check(ours.getInstances("latency").isEmpty(), "no latency instances yet");
		long[] bare = new long[rounds];
		long[] our = new long[rounds];
		long[] their = new long[rounds];
		for (int round = 0; round < rounds; round++) {
			String host = "10.1." + (round / 250) + "." + (round % 250);
			String node = providers + "/" + host + ":8080";
			ZkRegistration registration = new ZkRegistration("latency", "latency-" + round, providers, List.of(host),
					8080, false, Map.of());
			byte[] data = NodeProperties.encode(ZkInstanceCodec.properties(registration, ZkInstanceStatus.UP));
			CountDownLatch seen = new CountDownLatch(1);
			long[] bareAt = new long[1];
			try (CuratorCache cache = CuratorCache.build(reader, providers)) {
				CountDownLatch loaded = new CountDownLatch(1);
				cache.listenable()
					.addListener(CuratorCacheListener.builder().forCreates((child) -> {
						if (child.getPath().equals(node)) {
							bareAt[0] = System.nanoTime();
							seen.countDown();
						}
					}).forInitialized(loaded::countDown).afterInitialized().build());
				cache.start();
				check(loaded.await(10, TimeUnit.SECONDS), "bare cache loaded");
				long start = System.nanoTime();
				registrar.create().withMode(CreateMode.EPHEMERAL).withACL(ZooDefs.Ids.READ_ACL_UNSAFE).forPath(node,
						data);
				long ourAt = pollUntil(() -> ours.getInstances("latency").stream()
					.anyMatch((instance) -> instance.getHost().equals(host)));
				check(seen.await(10, TimeUnit.SECONDS), "bare watch saw the node");
				bare[round] = bareAt[0] - start;
				our[round] = ourAt - start;
			}
			ServiceInstance<ZookeeperInstance> instance = theirInstance("latency", host);
			long start = System.nanoTime();
			theirRegistrar.registerService(instance);
			long theirAt = pollUntil(() -> theirs.getInstances("latency").stream()
				.anyMatch((candidate) -> candidate.getHost().equals(host)));
			their[round] = theirAt - start;
			theirRegistrar.unregisterService(instance);
			registrar.delete().forPath(node);
		}
		String operation = "new registration to visible";
		LatencyResult bareRow = LatencyResult.of(name(), operation, "bare Curator watch (CuratorCache listener, baseline)",
				bare, TIMEOUT, null);
		LatencyResult ourRow = LatencyResult.of(name(), operation,
				"zk-spring-boot ZkDiscoveryClient (baseline of the next row)", our, TIMEOUT, bareRow);
		LatencyResult theirRow = LatencyResult.of(name(), operation, "Spring Cloud Zookeeper ZookeeperDiscoveryClient",
				their, TIMEOUT, ourRow);
		return List.of(bareRow, ourRow, theirRow);
	}

	static long pollUntil(BooleanSupplier visible) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!visible.getAsBoolean()) {
			check(System.nanoTime() < deadline, "visible within 10 s");
			Thread.onSpinWait();
		}
		return System.nanoTime();
	}

	static void check(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("Benchmark precondition failed: " + what);
		}
	}

}
