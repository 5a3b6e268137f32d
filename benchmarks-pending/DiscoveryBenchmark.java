import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.curator.test.TestingServer;
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
 * <p>Needs, besides zk-spring-boot-autoconfigure and its dependencies:
 * {@code org.springframework.cloud:spring-cloud-zookeeper-discovery:5.0.1} (with
 * spring-cloud-zookeeper-core 5.0.1 and {@code org.apache.curator:curator-x-discovery},
 * which needs Jackson 2 {@code com.fasterxml.jackson.core:jackson-databind}),
 * {@code org.apache.curator:curator-test} and spring-cloud-commons. Run with
 * {@code java DiscoveryBenchmark [seconds-per-throughput-run] [latency-rounds]}.
 */
public final class DiscoveryBenchmark {

	private static final int INSTANCES = 10;

	private DiscoveryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 50;
		try (TestingServer server = new TestingServer(true);
				CuratorFramework registrar = client(server);
				CuratorFramework reader = client(server);
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

			System.out.println("## getInstances throughput (" + INSTANCES + " instances, " + seconds + " s per run)");
			System.out.println();
			System.out.println("| threads | zk-spring-boot ops/s | Spring Cloud Zookeeper ops/s | ratio |");
			System.out.println("| --- | --- | --- | --- |");
			for (int threads : new int[] { 1, 4 }) {
				throughput(ours, threads, 1);
				throughput(theirs, threads, 1);
				double our = throughput(ours, threads, seconds);
				double their = throughput(theirs, threads, seconds);
				System.out.printf("| %d | %,.0f | %,.0f | %,.0f x |%n", threads, our, their, our / their);
			}

			System.out.println();
			System.out.println("## Time from a new registration to its visibility (" + rounds + " rounds, microseconds)");
			System.out.println();
			visibility(registrar, reader, ours, theirs, theirRegistrar, rounds);
			theirRegistrar.close();
			theirReader.close();
		}
	}

	private static CuratorFramework client(TestingServer server) throws InterruptedException {
		CuratorFramework client = CuratorFrameworkFactory.newClient(server.getConnectString(), 30_000, 10_000,
				new RetryOneTime(100));
		client.start();
		check(client.blockUntilConnected(30, TimeUnit.SECONDS), "connected");
		return client;
	}

	private static ServiceDiscovery<ZookeeperInstance> serviceDiscovery(CuratorFramework client) throws Exception {
		ServiceDiscovery<ZookeeperInstance> discovery = ServiceDiscoveryBuilder.builder(ZookeeperInstance.class)
			.client(client)
			.basePath("/sczk")
			.serializer(new JsonInstanceSerializer<>(ZookeeperInstance.class))
			.build();
		discovery.start();
		return discovery;
	}

	private static ServiceInstance<ZookeeperInstance> theirInstance(String name, String host) throws Exception {
		return ServiceInstance.<ZookeeperInstance>builder()
			.name(name)
			.address(host)
			.port(8080)
			.payload(new ZookeeperInstance(host + ":8080", name, Map.of("zone", "eu")))
			.build();
	}

	private static double throughput(DiscoveryClient client, int threads, int seconds) throws InterruptedException {
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
		return calls.sum() / ((System.nanoTime() - start) / 1e9);
	}

	private static void visibility(CuratorFramework registrar, CuratorFramework reader, ZkDiscoveryClient ours,
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
				bare[round] = (bareAt[0] - start) / 1000;
				our[round] = (ourAt - start) / 1000;
			}
			ServiceInstance<ZookeeperInstance> instance = theirInstance("latency", host);
			long start = System.nanoTime();
			theirRegistrar.registerService(instance);
			long theirAt = pollUntil(() -> theirs.getInstances("latency").stream()
				.anyMatch((candidate) -> candidate.getHost().equals(host)));
			their[round] = (theirAt - start) / 1000;
			theirRegistrar.unregisterService(instance);
			registrar.delete().forPath(node);
		}
		System.out.println("| client | median | p90 | max |");
		System.out.println("| --- | --- | --- | --- |");
		row("bare Curator watch (CuratorCache listener)", bare);
		row("zk-spring-boot ZkDiscoveryClient", our);
		row("Spring Cloud Zookeeper ZookeeperDiscoveryClient", their);
		System.out.printf("%nzk-spring-boot / bare watch, median: %.2f x%n",
				(double) percentile(our, 50) / Math.max(1, percentile(bare, 50)));
	}

	private static long pollUntil(BooleanSupplier visible) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!visible.getAsBoolean()) {
			check(System.nanoTime() < deadline, "visible within 10 s");
			Thread.onSpinWait();
		}
		return System.nanoTime();
	}

	private static void row(String name, long[] micros) {
		System.out.printf("| %s | %,d | %,d | %,d |%n", name, percentile(micros, 50), percentile(micros, 90),
				percentile(micros, 100));
	}

	private static long percentile(long[] values, int percent) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)];
	}

	private static void check(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("Benchmark precondition failed: " + what);
		}
	}

}
