package io.zkboot.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zkboot.core.DeleteOptions;
import io.zkboot.core.NodeProperties;
import io.zkboot.core.ZkTemplate;
import io.zkboot.discovery.ZkDiscoveryClient;
import io.zkboot.discovery.ZkInstanceCodec;
import io.zkboot.discovery.ZkInstanceStatus;
import io.zkboot.discovery.ZkRegistration;
import io.zkboot.discovery.ZkServiceCatalog;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.x.discovery.ServiceDiscovery;
import org.apache.curator.x.discovery.ServiceInstance;
import org.apache.curator.x.discovery.details.JsonInstanceSerializer;
import org.apache.zookeeper.CreateMode;

import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.commons.util.InetUtils;
import org.springframework.cloud.commons.util.InetUtilsProperties;
import org.springframework.cloud.zookeeper.discovery.ZookeeperDiscoveryClient;
import org.springframework.cloud.zookeeper.discovery.ZookeeperDiscoveryProperties;
import org.springframework.cloud.zookeeper.discovery.ZookeeperInstance;

/**
 * Discovery at scale, side by side with Spring Cloud Zookeeper 5.0.1, on the context's server:
 * {@value #SERVICES} services of {@value #INSTANCES} instances each are registered in both
 * layouts (ours: {@code /services/S/providers/HOST:PORT}; theirs: curator-x-discovery's
 * {@code /sczk/S/ID}, as Spring Cloud Zookeeper's registry writes it), written directly with
 * pipelined creates. An application (a new {@link ZkServiceCatalog}; a new
 * {@link ZookeeperDiscoveryClient}) then looks up {@value #LOOKED_UP} of them:
 * <ul>
 * <li>cold lookup: the first {@code getInstances} of a service the application has not asked
 * for before (ours starts watching it and waits for its instances; theirs reads them, as it does
 * on every call);</li>
 * <li>warm lookup: later calls (ours from memory; theirs reads again);</li>
 * <li>the time from the creation of a new instance to its visibility (busy-polled);</li>
 * <li>the heap held per cached instance: the heap in use after full collections once the
 * application has looked up its {@value #LOOKED_UP} services, less the heap before the
 * application was made, divided by the {@value #LOOKED_UP} × {@value #INSTANCES} instances
 * (the median of the measured applications).</li>
 * </ul>
 * {@value #WARMUP_APPLICATIONS} applications warm up, {@value #APPLICATIONS} are measured (each
 * on the next {@value #LOOKED_UP} services, so every measured cold lookup is of another
 * service); ours and theirs take turns going first. Both read with one client of their own
 * (ours and theirs share it, as the registrar's is another). {@code --runs} and {@code --nodes}
 * do not apply.
 */
final class DiscoveryScaleBenchmark implements Benchmark {

	private static final int SERVICES = 500;

	private static final int INSTANCES = 20;

	private static final int LOOKED_UP = 50;

	private static final int WARMUP_APPLICATIONS = 4;

	private static final int APPLICATIONS = 10;

	private static final int WARM_CALLS = 20;

	private static final int VISIBILITY_ROUNDS = 100;

	private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(10);

	private static final String OURS = "zk-spring-boot ZkDiscoveryClient";

	private static final String THEIRS = "Spring Cloud Zookeeper ZookeeperDiscoveryClient";

	@Override
	public String name() {
		return "discovery-scale";
	}

	@Override
	public List<Row> run(BenchmarkContext context) throws Exception {
		String connectString = context.client().getZookeeperClient().getCurrentConnectionString();
		try (CuratorFramework registrar = DiscoveryBenchmark.client(connectString);
				CuratorFramework reader = DiscoveryBenchmark.client(connectString)) {
			ZkTemplate template = new ZkTemplate(registrar);
			Map<String, byte[]> ourNodes = new LinkedHashMap<>();
			Map<String, byte[]> theirNodes = new LinkedHashMap<>();
			JsonInstanceSerializer<ZookeeperInstance> serializer = new JsonInstanceSerializer<>(ZookeeperInstance.class);
			for (int s = 0; s < SERVICES; s++) {
				String service = service(s);
				for (int i = 0; i < INSTANCES; i++) {
					String host = "10." + (s / 250) + "." + (s % 250) + "." + i;
					ZkRegistration registration = new ZkRegistration(service, service + "-" + i, providers(service),
							List.of(host), 8080, false, Map.of("zone", "eu"));
					ourNodes.put(providers(service) + "/" + host + ":8080",
							NodeProperties.encode(ZkInstanceCodec.properties(registration, ZkInstanceStatus.UP)));
					ServiceInstance<ZookeeperInstance> theirs = DiscoveryBenchmark.theirInstance(service, host);
					theirNodes.put("/sczk/" + service + "/" + theirs.getId(), serializer.serialize(theirs));
				}
			}
			long start = System.nanoTime();
			template.createTree(ourNodes);
			template.createTree(theirNodes);
			System.out.printf("discovery-scale: %d + %d instance nodes written in %.0f ms%n", ourNodes.size(),
					theirNodes.size(), (System.nanoTime() - start) / 1e6);
			try {
				return measure(registrar, reader);
			}
			finally {
				template.deleteRecursive("/services", DeleteOptions.defaults().withForce());
				template.deleteRecursive("/sczk", DeleteOptions.defaults().withForce());
			}
		}
	}

	private List<Row> measure(CuratorFramework registrar, CuratorFramework reader) throws Exception {
		ServiceDiscovery<ZookeeperInstance> theirReader = DiscoveryBenchmark.serviceDiscovery(reader);
		ServiceDiscovery<ZookeeperInstance> theirRegistrar = DiscoveryBenchmark.serviceDiscovery(registrar);
		ZookeeperDiscoveryProperties theirProperties = new ZookeeperDiscoveryProperties(
				new InetUtils(new InetUtilsProperties()));
		theirProperties.setRoot("/sczk");
		List<Long> ourCold = new ArrayList<>();
		List<Long> theirCold = new ArrayList<>();
		List<Long> ourWarm = new ArrayList<>();
		List<Long> theirWarm = new ArrayList<>();
		long[] ourHeap = new long[APPLICATIONS];
		long[] theirHeap = new long[APPLICATIONS];
		ZkServiceCatalog last = null;
		try {
			for (int application = 0; application < WARMUP_APPLICATIONS + APPLICATIONS; application++) {
				boolean measured = application >= WARMUP_APPLICATIONS;
				List<String> services = new ArrayList<>();
				for (int s = 0; s < LOOKED_UP; s++) {
					services.add(service((application * LOOKED_UP + s) % SERVICES));
				}
				boolean oursFirst = application % 2 == 0;
				for (int turn = 0; turn < 2; turn++) {
					if ((turn == 0) == oursFirst) {
						long before = Heap.live();
						ZkServiceCatalog catalog = new ZkServiceCatalog(reader, "/services", "providers",
								Duration.ofSeconds(10), (event) -> {
								});
						lookUp(new ZkDiscoveryClient(catalog), services, measured ? ourCold : null,
								measured ? ourWarm : null);
						if (measured) {
							ourHeap[application - WARMUP_APPLICATIONS] = Heap.live() - before;
						}
						if (last != null) {
							last.close();
						}
						last = catalog;
					}
					else {
						long before = Heap.live();
						DiscoveryClient theirs = new ZookeeperDiscoveryClient(theirReader, null, theirProperties);
						lookUp(theirs, services, measured ? theirCold : null, measured ? theirWarm : null);
						if (measured) {
							theirHeap[application - WARMUP_APPLICATIONS] = Heap.live() - before;
						}
					}
				}
			}
			List<Row> rows = new ArrayList<>();
			LatencyResult theirColdRow = latency("cold lookup (first getInstances of a service, 20 instances)",
					THEIRS + " (baseline: its single lookup)", theirCold, null);
			rows.add(theirColdRow);
			rows.add(latency("cold lookup (first getInstances of a service, 20 instances)", OURS, ourCold,
					theirColdRow));
			LatencyResult theirWarmRow = latency("warm lookup (a service asked for before)",
					THEIRS + " (baseline; it reads again)", theirWarm, null);
			rows.add(theirWarmRow);
			rows.add(latency("warm lookup (a service asked for before)", OURS, ourWarm, theirWarmRow));
			rows.addAll(visibility(registrar, new ZkDiscoveryClient(last),
					new ZookeeperDiscoveryClient(theirReader, null, theirProperties), theirRegistrar));
			long instances = (long) LOOKED_UP * INSTANCES;
			String held = "an application that looked up 50 services (full GC; median of 10)";
			rows.add(new MemoryResult(name(), held, OURS + " (its watched cache)", instances, median(ourHeap), 0));
			rows.add(new MemoryResult(name(), held, THEIRS + " (no cache)", instances, median(theirHeap), 0));
			return rows;
		}
		finally {
			if (last != null) {
				last.close();
			}
			theirRegistrar.close();
			theirReader.close();
		}
	}

	/**
	 * Looks up each service once (timed as a cold lookup), then {@value #WARM_CALLS} more times
	 * each, round robin (timed as warm lookups; theirs only once more, as each of its lookups is
	 * a read of ZooKeeper).
	 */
	private static void lookUp(DiscoveryClient client, List<String> services, List<Long> cold, List<Long> warm) {
		for (String service : services) {
			timedLookUp(client, service, cold);
		}
		int calls = (client instanceof ZkDiscoveryClient) ? WARM_CALLS : 1;
		for (int call = 0; call < calls; call++) {
			for (String service : services) {
				timedLookUp(client, service, warm);
			}
		}
	}

	/** Looks up a service, checks that every instance was found and adds the time to the list (if any). */
	private static void timedLookUp(DiscoveryClient client, String service, List<Long> times) {
		long start = System.nanoTime();
		int found = client.getInstances(service).size();
		long elapsed = System.nanoTime() - start;
		DiscoveryBenchmark.check(found == INSTANCES, "every instance of " + service + " found");
		if (times != null) {
			times.add(elapsed);
		}
	}

	/**
	 * The time from the creation of a new instance of a service the application watches (the
	 * last application's services) to its visibility.
	 */
	private List<LatencyResult> visibility(CuratorFramework registrar, DiscoveryClient ours, DiscoveryClient theirs,
			ServiceDiscovery<ZookeeperInstance> theirRegistrar) throws Exception {
		long[] our = new long[VISIBILITY_ROUNDS];
		long[] their = new long[VISIBILITY_ROUNDS];
		int firstService = ((WARMUP_APPLICATIONS + APPLICATIONS - 1) * LOOKED_UP) % SERVICES;
		for (int round = 0; round < VISIBILITY_ROUNDS; round++) {
			String service = service(firstService + round % LOOKED_UP);
			String host = "10.200." + (round / 250) + "." + (round % 250);
			String node = providers(service) + "/" + host + ":8080";
			ZkRegistration registration = new ZkRegistration(service, service + "-new-" + round, providers(service),
					List.of(host), 8080, false, Map.of());
			byte[] data = NodeProperties.encode(ZkInstanceCodec.properties(registration, ZkInstanceStatus.UP));
			long start = System.nanoTime();
			registrar.create().withMode(CreateMode.EPHEMERAL).forPath(node, data);
			our[round] = DiscoveryBenchmark.pollUntil(() -> ours.getInstances(service)
				.stream()
				.anyMatch((instance) -> instance.getHost().equals(host))) - start;
			registrar.delete().forPath(node);
			ServiceInstance<ZookeeperInstance> instance = DiscoveryBenchmark.theirInstance(service, host);
			start = System.nanoTime();
			theirRegistrar.registerService(instance);
			their[round] = DiscoveryBenchmark.pollUntil(() -> theirs.getInstances(service)
				.stream()
				.anyMatch((candidate) -> candidate.getHost().equals(host))) - start;
			theirRegistrar.unregisterService(instance);
		}
		String operation = "new instance of a watched service to visible";
		LatencyResult theirRow = LatencyResult.of(name(), operation, THEIRS + " (baseline)", their, TIMEOUT, null);
		LatencyResult ourRow = LatencyResult.of(name(), operation, OURS, our, TIMEOUT, theirRow);
		return List.of(theirRow, ourRow);
	}

	private LatencyResult latency(String operation, String subject, List<Long> nanos, LatencyResult baseline) {
		return LatencyResult.of(name(), operation, subject, nanos.stream().mapToLong(Long::longValue).toArray(),
				TIMEOUT, baseline);
	}

	private static long median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static String service(int index) {
		return String.format("scale-%03d", index);
	}

	private static String providers(String service) {
		return "/services/" + service + "/providers";
	}

}
