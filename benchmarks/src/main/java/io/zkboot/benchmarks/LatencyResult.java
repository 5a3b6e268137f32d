package io.zkboot.benchmarks;

import java.util.Arrays;

/**
 * One latency row of the result table: percentiles of many single measurements of one operation
 * by one subject, and their ratio to a baseline row (lower is better, so a ratio of 1.5 means one
 * and a half times the baseline's latency).
 *
 * @param benchmark the benchmark's name
 * @param operation what was measured
 * @param subject who did it (for example {@code @ZkWatch method})
 * @param samples how many measurements were counted
 * @param p50Millis the median, in milliseconds
 * @param p90Millis the 90th percentile, in milliseconds
 * @param p99Millis the 99th percentile, in milliseconds
 * @param maxMillis the slowest measurement, in milliseconds
 * @param timeouts how many measurements timed out (counted at the timeout)
 * @param baselineP50Millis the baseline's median, or 0 for the baseline row itself
 * @param baselineP99Millis the baseline's 99th percentile, or 0 for the baseline row itself
 */
public record LatencyResult(String benchmark, String operation, String subject, int samples, double p50Millis,
		double p90Millis, double p99Millis, double maxMillis, int timeouts, double baselineP50Millis,
		double baselineP99Millis) implements Row {

	/**
	 * Summarizes measurements.
	 * @param benchmark the benchmark's name
	 * @param operation what was measured
	 * @param subject who did it
	 * @param nanos the measurements, in nanoseconds (not modified)
	 * @param timeoutNanos the timeout: measurements at or above it count as timeouts
	 * @param baseline the baseline row, or {@code null} when this is the baseline
	 * @return the row
	 */
	public static LatencyResult of(String benchmark, String operation, String subject, long[] nanos,
			long timeoutNanos, LatencyResult baseline) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int timeouts = (int) Arrays.stream(sorted).filter((n) -> n >= timeoutNanos).count();
		return new LatencyResult(benchmark, operation, subject, sorted.length, millis(percentile(sorted, 50)),
				millis(percentile(sorted, 90)), millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]),
				timeouts, (baseline != null) ? baseline.p50Millis() : 0, (baseline != null) ? baseline.p99Millis() : 0);
	}

	/**
	 * Returns the median relative to the baseline's.
	 * @return this row's median divided by the baseline's; 1 for the baseline
	 */
	public double p50Ratio() {
		return (this.baselineP50Millis == 0) ? 1 : this.p50Millis / this.baselineP50Millis;
	}

	/**
	 * Returns the 99th percentile relative to the baseline's.
	 * @return this row's p99 divided by the baseline's; 1 for the baseline
	 */
	public double p99Ratio() {
		return (this.baselineP99Millis == 0) ? 1 : this.p99Millis / this.baselineP99Millis;
	}

	private static long percentile(long[] sorted, int percent) {
		int index = (int) Math.ceil(sorted.length * percent / 100.0) - 1;
		return sorted[Math.max(0, index)];
	}

	private static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

}
