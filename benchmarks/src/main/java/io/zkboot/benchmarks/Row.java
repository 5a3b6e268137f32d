package io.zkboot.benchmarks;

/**
 * One row of the shared {@link ResultTable}: a throughput row ({@link Result}, best of several
 * runs), a latency row ({@link LatencyResult}, percentiles of many single measurements) or a
 * memory row ({@link MemoryResult}, heap held per item).
 */
public sealed interface Row permits Result, LatencyResult, MemoryResult {

	/**
	 * Returns the name of the benchmark that measured the row.
	 * @return the benchmark's name
	 */
	String benchmark();

}
