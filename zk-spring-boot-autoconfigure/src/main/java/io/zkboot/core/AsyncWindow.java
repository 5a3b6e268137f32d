package io.zkboot.core;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.zookeeper.KeeperException;

/**
 * A bounded window of asynchronous ZooKeeper calls: the one mechanism behind every pipelined bulk
 * operation of the template. At most {@code size} calls are in flight; further calls wait in a
 * FIFO queue, so calls submitted by one thread reach the server in submission order (ZooKeeper
 * runs one session's requests in order, which is what lets a parent be created before its
 * children, or deleted after them, without waiting for a round trip).
 *
 * <p>A call is a {@link Runnable} that issues one asynchronous request whose callback ends with
 * {@link #complete()}. Callbacks may submit further calls; they never block (a callback that finds
 * no free slot queues its call for the waiting thread). The first failure stops further calls from
 * being issued and is thrown by {@link #await()} once the calls in flight have come back.
 */
final class AsyncWindow {

	private static final Runnable DONE = () -> {
	};

	private final Semaphore slots;

	private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

	private final AtomicInteger pending = new AtomicInteger();

	private final AtomicReference<ZkException> failure = new AtomicReference<>();

	AsyncWindow(int size) {
		this.slots = new Semaphore(size);
	}

	/**
	 * Submits a call: issues it now when a slot is free and nothing is queued before it, else
	 * queues it for {@link #await()}.
	 */
	void submit(Runnable call) {
		this.pending.incrementAndGet();
		if (this.queue.isEmpty() && this.failure.get() == null && this.slots.tryAcquire()) {
			issue(call);
		}
		else {
			this.queue.add(call);
		}
	}

	/** Ends a call; every issued call's callback calls this exactly once, last. */
	void complete() {
		this.slots.release();
		finish();
	}

	/** Records a failure; the first one wins and stops the calls not yet issued. */
	void fail(ZkException ex) {
		this.failure.compareAndSet(null, ex);
	}

	/** Records a failed asynchronous result. */
	void fail(int rc, String path) {
		fail(ZkExceptionTranslator.translate(KeeperException.Code.get(rc), path, null));
	}

	/**
	 * Issues the queued calls as slots free up and waits until every submitted call has completed.
	 * @throws ZkException the first failure of any call
	 */
	void await() {
		try {
			while (this.pending.get() > 0) {
				Runnable call = this.queue.take();
				if (call == DONE) {
					continue;
				}
				if (this.failure.get() != null) {
					finish();
					continue;
				}
				this.slots.acquire();
				issue(call);
			}
		}
		catch (InterruptedException ex) {
			throw ZkExceptionTranslator.translate(ex, null);
		}
		ZkException ex = this.failure.get();
		if (ex != null) {
			throw ex;
		}
	}

	private void issue(Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			fail(ZkExceptionTranslator.translate(ex, null));
			complete();
		}
	}

	private void finish() {
		if (this.pending.decrementAndGet() == 0) {
			this.queue.add(DONE);
		}
	}

}
