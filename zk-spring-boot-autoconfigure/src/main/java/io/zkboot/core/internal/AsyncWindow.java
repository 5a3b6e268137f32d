package io.zkboot.core.internal;

import java.util.ArrayDeque;
import java.util.Queue;

import io.zkboot.core.ZkException;
import io.zkboot.core.ZkExceptionTranslator;
import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * A bounded window of asynchronous ZooKeeper calls: the one mechanism behind every pipelined bulk
 * operation, the template's reads, creates and deletes and the tree import's transactions. At most {@code size} calls are in flight; further calls wait in a
 * FIFO queue and are issued, in order, by whichever thread frees a slot (usually ZooKeeper's event
 * thread as a callback completes), so a full window costs no thread hand-off. Calls are issued under
 * one lock, so they reach the server in submission order (ZooKeeper runs one session's requests in
 * order, which is what lets a parent be created before its children, or deleted after them, without
 * waiting for a round trip).
 *
 * <p>A call is a {@link Runnable} that issues one asynchronous request whose callback ends with
 * {@link #complete()}. Callbacks may submit further calls. The first failure drops the calls not yet
 * issued and is thrown by {@link #await()} once the calls in flight have come back.
 */
public final class AsyncWindow {

	private final Object lock = new Object();

	private final Queue<Runnable> queue = new ArrayDeque<>();

	private int free;

	private int pending;

	private @Nullable ZkException failure;

	/**
	 * Creates a window.
	 * @param size the most calls in flight at once
	 */
	public AsyncWindow(int size) {
		this.free = size;
	}

	/**
	 * Submits a call: issued at once when a slot is free, else when one frees up.
	 * @param call issues one asynchronous request whose callback ends with {@link #complete()};
	 * a {@link ZkException} it throws is the window's failure
	 */
	public void submit(Runnable call) {
		synchronized (this.lock) {
			this.pending++;
			this.queue.add(call);
			drain();
		}
	}

	/**
	 * Ends a call; every issued call's callback calls this exactly once, last.
	 */
	public void complete() {
		synchronized (this.lock) {
			this.free++;
			this.pending--;
			drain();
		}
	}

	/**
	 * Records a failure; the first one wins and drops the calls not yet issued.
	 * @param ex the failure, thrown by {@link #await()}
	 */
	public void fail(ZkException ex) {
		synchronized (this.lock) {
			if (this.failure == null) {
				this.failure = ex;
			}
		}
	}

	/**
	 * Records a failed asynchronous result.
	 * @param rc ZooKeeper's result code
	 * @param path the path of the call
	 */
	public void fail(int rc, String path) {
		fail(ZkExceptionTranslator.translate(KeeperException.Code.get(rc), path, null));
	}

	/**
	 * Waits until every submitted call has completed (or been dropped after a failure).
	 * @throws ZkException the first failure of any call
	 */
	public void await() {
		synchronized (this.lock) {
			while (this.pending > 0) {
				try {
					this.lock.wait();
				}
				catch (InterruptedException ex) {
					throw ZkExceptionTranslator.translate(ex, null);
				}
			}
			if (this.failure != null) {
				throw this.failure;
			}
		}
	}

	/** Issues queued calls while slots are free; called with the lock held. */
	private void drain() {
		while (this.failure == null && this.free > 0 && !this.queue.isEmpty()) {
			Runnable call = this.queue.poll();
			this.free--;
			try {
				call.run();
			}
			catch (RuntimeException ex) {
				this.failure = ZkExceptionTranslator.translate(ex, null);
				this.free++;
				this.pending--;
			}
		}
		if (this.failure != null) {
			this.pending -= this.queue.size();
			this.queue.clear();
		}
		if (this.pending == 0) {
			this.lock.notifyAll();
		}
	}

}
