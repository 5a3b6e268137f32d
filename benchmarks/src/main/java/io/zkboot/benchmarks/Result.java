package io.zkboot.benchmarks;

/**
 * One row of the result table: the best of several runs of one operation by one subject, and its
 * ratio to a baseline row.
 *
 * @param benchmark the benchmark's name
 * @param operation what was measured
 * @param subject who did it (for example {@code ZkTemplate} or {@code ZooKeeper async})
 * @param operations how many ZooKeeper nodes one run handled
 * @param bestMillis the fastest run, in milliseconds
 * @param baselineMillis the baseline's fastest run, or 0 for the baseline row itself
 */
public record Result(String benchmark, String operation, String subject, int operations, double bestMillis,
		double baselineMillis) {

	/**
	 * Returns the throughput of the best run.
	 * @return nodes per second
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
