package io.zkboot.benchmarks;

import java.util.concurrent.locks.LockSupport;

/**
 * Where an application under measurement reports the value it saw, and when: the benchmark
 * {@link #expect expects} a value, makes the change and {@link #await awaits} the moment the
 * application reported it.
 */
final class Probe {

	private volatile String expected;

	private volatile long seenAt;

	private volatile Thread waiter;

	void expect(String value) {
		this.seenAt = 0;
		this.waiter = Thread.currentThread();
		this.expected = value;
	}

	void seen(String value) {
		if (value != null && value.equals(this.expected) && this.seenAt == 0) {
			this.seenAt = System.nanoTime();
			LockSupport.unpark(this.waiter);
		}
	}

	long await(long deadline) {
		while (this.seenAt == 0 && System.nanoTime() < deadline) {
			LockSupport.parkNanos(deadline - System.nanoTime());
		}
		return this.seenAt;
	}

}
