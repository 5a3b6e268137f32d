package io.zkboot.benchmarks;

/**
 * One row of the result table: the best of several runs of one operation by one subject, and its
 * ratio to a baseline row.
 *
 * @param benchmark the benchmark's name
 * @param operation what was measured
 * @param subject who did it (for example {@code ZkTemplate} or {@code ZooKeeper async})
 * @param operations how many operations one run made (ZooKeeper nodes handled, or calls)
 * @param bestMillis the fastest run, in milliseconds
 * @param baselineMillis the baseline's fastest run for the same number of operations (scaled to
 * this row's {@code operations} when the baseline made a different number), or 0 for the baseline
 * row itself
 */
public record Result(String benchmark, String operation, String subject, long operations, double bestMillis,
		double baselineMillis) implements Row {

	/**
	 * Returns the throughput of the best run.
	 * @return operations per second
	 */
	public double perSecond() {
		return this.operations / (this.bestMillis / 1000);
	}

	/**
	 * Returns the throughput relative to the baseline.
	 * @return this row's throughput divided by the baseline's; 1 for the baseline
	 */
	public double ratio() {
		return (this.baselineMillis == 0) ? 1 : this.baselineMillis / this.bestMillis;
	}

}
