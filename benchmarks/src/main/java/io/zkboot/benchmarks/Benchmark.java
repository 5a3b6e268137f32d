package io.zkboot.benchmarks;

import java.util.List;

/**
 * One benchmark: a named set of measurements that {@link Main} runs and prints as rows of the shared
 * {@link ResultTable}. Add a benchmark by implementing this and listing it in {@link Main}.
 */
public interface Benchmark {

	/**
	 * Returns the name used to pick the benchmark on the command line.
	 * @return the name
	 */
	String name();

	/**
	 * Runs the benchmark.
	 * @param context the server, the client and the run settings
	 * @return the measured rows: {@link Result}s (throughput) or {@link LatencyResult}s (latency)
	 * @throws Exception when the benchmark cannot run
	 */
	List<? extends Row> run(BenchmarkContext context) throws Exception;

}
