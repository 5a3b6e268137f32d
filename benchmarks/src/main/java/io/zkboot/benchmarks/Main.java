package io.zkboot.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.TestingServer;

/**
 * Runs benchmarks against one in-process ZooKeeper server (Curator's {@code TestingServer}, the
 * real server code) and prints one table.
 *
 * <pre>
 * java ... io.zkboot.benchmarks.Main [--runs N] [--nodes N] [benchmark ...]
 * </pre>
 *
 * With no benchmark named, all run. See docs/performance.md for the command.
 */
public final class Main {

	private Main() {
	}

	/**
	 * Runs the benchmarks named on the command line (all when none is named).
	 * @param args {@code --runs N}, {@code --nodes N}, benchmark names
	 * @throws Exception when a benchmark fails
	 */
	public static void main(String[] args) throws Exception {
		Map<String, Benchmark> all = new LinkedHashMap<>();
		for (Benchmark benchmark : List.<Benchmark>of(new TreeBenchmark(), new TreeImportExportBenchmark(),
				new EndpointBenchmark(), new WatchLatencyBenchmark(), new DiscoveryBenchmark(),
				new RecipesBenchmark(), new CoordinationBenchmark(), new ConfigScaleBenchmark(),
				new DiscoveryScaleBenchmark(), new WatchScaleBenchmark(), new TreeScaleBenchmark(),
				new StartupBenchmark())) {
			all.put(benchmark.name(), benchmark);
		}
		int runs = 20;
		int nodes = 10_000;
		List<Benchmark> chosen = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--runs" -> runs = Integer.parseInt(args[++i]);
				case "--nodes" -> nodes = Integer.parseInt(args[++i]);
				default -> {
					Benchmark benchmark = all.get(args[i]);
					if (benchmark == null) {
						throw new IllegalArgumentException("unknown benchmark " + args[i] + "; known: " + all.keySet());
					}
					chosen.add(benchmark);
				}
			}
		}
		if (chosen.isEmpty()) {
			chosen.addAll(all.values());
		}
		List<Row> results = new ArrayList<>();
		try (TestingServer server = new TestingServer(true);
				CuratorFramework client = CuratorFrameworkFactory.newClient(server.getConnectString(),
						new ExponentialBackoffRetry(100, 3))) {
			client.start();
			client.blockUntilConnected();
			BenchmarkContext context = new BenchmarkContext(client, runs, nodes);
			for (Benchmark benchmark : chosen) {
				results.addAll(benchmark.run(context));
			}
		}
		System.out.printf("%nJava %s, %d processors, best of %d runs (latencies: percentiles)%n%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), runs);
		ResultTable.print(results, System.out);
	}

}
