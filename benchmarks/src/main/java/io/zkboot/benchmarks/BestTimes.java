package io.zkboot.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fastest measured run of each operation of one subject. Warm-up runs are timed but not
 * recorded.
 */
final class BestTimes {

	private final Map<String, Double> millis = new LinkedHashMap<>();

	/**
	 * Runs and times one operation (after a garbage collection, so one run's garbage does not
	 * slow the next).
	 * @param operation the operation's key
	 * @param measured whether to record the time (false for warm-up runs)
	 * @param work the operation
	 * @throws Exception when the operation fails
	 */
	void record(String operation, boolean measured, Work work) throws Exception {
		System.gc();
		long start = System.nanoTime();
		work.run();
		double elapsed = (System.nanoTime() - start) / 1e6;
		if (measured) {
			this.millis.merge(operation, elapsed, Math::min);
		}
	}

	/**
	 * Returns the fastest recorded run of an operation.
	 * @param operation the operation's key
	 * @return milliseconds
	 */
	double millis(String operation) {
		return this.millis.get(operation);
	}

	/** One timed operation. */
	@FunctionalInterface
	interface Work {

		/**
		 * Does the work once.
		 * @throws Exception when it fails
		 */
		void run() throws Exception;

	}

}
