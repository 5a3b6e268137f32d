package io.zkboot.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap measurements for the memory rows ({@link MemoryResult}): the heap in use after full
 * collections ({@link #live()}: what is reachable, the difference of two such readings is what
 * the work in between keeps), and the most of it seen while work runs ({@link PeakSampler}: a
 * full collection and a reading every {@value #SAMPLE_MILLIS} ms, so what the work holds at once,
 * without its garbage; the collections slow the work down).
 */
final class Heap {

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	private static final long SAMPLE_MILLIS = 100;

	private Heap() {
	}

	/**
	 * Returns the heap in use after three full collections.
	 * @return bytes
	 */
	static long live() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return used();
	}

	private static long used() {
		return MEMORY.getHeapMemoryUsage().getUsed();
	}

	/**
	 * Samples the heap in use after a full collection every {@value #SAMPLE_MILLIS} ms on a
	 * thread of its own, from creation until closed, and keeps the highest reading.
	 */
	static final class PeakSampler implements AutoCloseable {

		private final Thread thread;

		private volatile boolean running = true;

		private volatile long peak;

		PeakSampler() {
			this.thread = new Thread(this::sample, "heap-peak-sampler");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		private void sample() {
			while (this.running) {
				System.gc();
				this.peak = Math.max(this.peak, used());
				try {
					Thread.sleep(SAMPLE_MILLIS);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		/**
		 * Stops sampling (once the last sample is taken) and returns the highest reading.
		 * @return bytes
		 */
		long peak() {
			close();
			return this.peak;
		}

		@Override
		public void close() {
			this.running = false;
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
