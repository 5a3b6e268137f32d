package io.zkboot.coordination.recipe;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.Watcher;
import org.jspecify.annotations.Nullable;

/**
 * One blocking wait of a recipe: watches set through {@link #watcher()} and every connection
 * state change wake it, a deadline bounds it, and a LOST session is remembered so that the waiter
 * learns that what it held (its ephemeral nodes) is gone. Use: {@link #arm()}, read with the
 * watcher, then {@link #await()} if the condition does not hold yet.
 */
final class Waiter implements AutoCloseable {

	private final CuratorFramework client;

	private final long deadline;

	private final ConnectionStateListener listener;

	private volatile CountDownLatch latch = new CountDownLatch(1);

	private volatile boolean lost;

	/**
	 * @param timeout how long at most, or {@code null} to wait without a bound
	 */
	Waiter(CuratorFramework client, @Nullable Duration timeout) {
		this.client = client;
		this.deadline = (timeout != null) ? System.nanoTime() + timeout.toNanos() : Long.MAX_VALUE;
		this.listener = (c, state) -> {
			if (state == ConnectionState.LOST) {
				this.lost = true;
			}
			wake();
		};
		client.getConnectionStateListenable().addListener(this.listener);
	}

	/** Starts a round: wake-ups from now on end the next {@link #await()}. */
	void arm() {
		this.latch = new CountDownLatch(1);
	}

	/** A one-shot watcher that wakes the current round. */
	Watcher watcher() {
		return (event) -> wake();
	}

	void wake() {
		this.latch.countDown();
	}

	/**
	 * Waits for a wake-up or the deadline.
	 * @return {@code false} when the deadline passed
	 */
	boolean await() throws InterruptedException {
		if (this.deadline == Long.MAX_VALUE) {
			this.latch.await();
			return true;
		}
		long left = this.deadline - System.nanoTime();
		return left > 0 && this.latch.await(left, TimeUnit.NANOSECONDS);
	}

	boolean expired() {
		return this.deadline != Long.MAX_VALUE && this.deadline - System.nanoTime() <= 0;
	}

	/** Whether the session was lost since this wait began. */
	boolean lost() {
		return this.lost;
	}

	@Override
	public void close() {
		this.client.getConnectionStateListenable().removeListener(this.listener);
	}

}
