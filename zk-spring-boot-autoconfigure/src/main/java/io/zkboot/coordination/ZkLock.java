package io.zkboot.coordination;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import org.jspecify.annotations.Nullable;

/**
 * A lock on kazoo's node layout ({@code <uuid hex>__lock__<sequence>} contenders, read locks
 * {@code __rlock__}), as a {@link Lock}. Obtained from {@link ZkLocks}; one object serves every
 * thread of the process.
 *
 * <p>Reentrant: a thread that holds the lock may lock it again and must unlock it as many
 * times. Each thread waits in ZooKeeper's queue with its own contender node, so threads of one
 * process and processes anywhere are served in the order they came. Conditions are not
 * supported.
 *
 * <p>What a holder knows changes with the connection ({@link ZkLockState}):
 * {@link #isHeldByCurrentThread()} is true only while the hold is {@link ZkLockState#HELD};
 * while the connection is SUSPENDED it is {@link ZkLockState#IN_DOUBT}, after the session is
 * lost {@link ZkLockState#LOST}, and the holder must still {@link #unlock()}.
 */
public final class ZkLock extends HoldOwner implements Lock {

	private final ZkLocks locks;

	private final String path;

	private final String kind;

	private final String identifier;

	private final String marker;

	private final Contenders contenders;

	private final ConcurrentHashMap<Thread, Hold> holds = new ConcurrentHashMap<>();

	ZkLock(ZkLocks locks, String path, String kind, String identifier, String marker, Contenders contenders) {
		this.locks = locks;
		this.path = path;
		this.kind = kind;
		this.identifier = identifier;
		this.marker = marker;
		this.contenders = contenders;
	}

	/**
	 * Wait for the lock for as long as it takes. An interrupt does not end the wait; the
	 * thread's interrupt flag is set again when the lock is had.
	 */
	@Override
	public void lock() {
		try {
			acquire(-1, false);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException("not interruptible", ex);
		}
	}

	@Override
	public void lockInterruptibly() throws InterruptedException {
		acquire(-1, true);
	}

	/**
	 * Take the lock if no one holds it or waits for it before this thread (one round trip to
	 * see the queue, one to leave it when it is taken).
	 * @return whether the lock is held now
	 */
	@Override
	public boolean tryLock() {
		try {
			return acquire(0, false);
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException("not interruptible", ex);
		}
	}

	@Override
	public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
		return acquire(Math.max(0, unit.toNanos(time)), true);
	}

	private boolean acquire(long timeoutNanos, boolean interruptible) throws InterruptedException {
		Thread thread = Thread.currentThread();
		Hold hold = this.holds.get(thread);
		if (hold != null) {
			if (hold.state == ZkLockState.LOST) {
				throw new ZkLockLostException("The " + this.kind + " at " + this.path + " held by this thread since "
						+ hold.since + " was lost; unlock it before locking it again", this.path);
			}
			hold.count++;
			return true;
		}
		hold = this.locks.acquire(this, this.kind, this.marker, this.contenders, timeoutNanos, interruptible);
		if (hold == null) {
			return false;
		}
		this.holds.put(thread, hold);
		return true;
	}

	/**
	 * Release one hold of the calling thread; the last one deletes its contender node, also when
	 * the hold was lost.
	 * @throws IllegalMonitorStateException when the calling thread does not hold the lock
	 */
	@Override
	public void unlock() {
		Hold hold = ownHold();
		if (--hold.count == 0) {
			this.holds.remove(Thread.currentThread());
			this.locks.release(hold);
		}
	}

	/**
	 * Release the calling thread's last hold, but keep the contender node until an instant, so
	 * that whoever tries before then finds the lock held.
	 */
	void unlockNotBefore(Instant notBefore) {
		Hold hold = ownHold();
		if (--hold.count == 0) {
			this.holds.remove(Thread.currentThread());
			this.locks.releaseNotBefore(hold, notBefore);
		}
	}

	private Hold ownHold() {
		Hold hold = this.holds.get(Thread.currentThread());
		if (hold == null) {
			throw new IllegalMonitorStateException(
					"The " + this.kind + " at " + this.path + " is not held by thread " + Thread.currentThread().getName());
		}
		return hold;
	}

	/**
	 * Not supported: a condition would need a second protocol no kazoo process speaks.
	 * @throws UnsupportedOperationException always
	 */
	@Override
	public Condition newCondition() {
		throw new UnsupportedOperationException("ZooKeeper locks have no conditions");
	}

	/**
	 * Whether the calling thread holds the lock and its session is known to be alive.
	 * @return true while the hold is {@link ZkLockState#HELD}
	 */
	public boolean isHeldByCurrentThread() {
		Hold hold = this.holds.get(Thread.currentThread());
		return hold != null && hold.state == ZkLockState.HELD;
	}

	/**
	 * What the calling thread's hold is known to be.
	 * @return the state, {@code null} when the thread does not hold the lock
	 */
	public @Nullable ZkLockState getState() {
		Hold hold = this.holds.get(Thread.currentThread());
		return (hold != null) ? hold.state : null;
	}

	/**
	 * How many times the calling thread holds the lock.
	 * @return 0 when it does not hold it
	 */
	public int getHoldCount() {
		Hold hold = this.holds.get(Thread.currentThread());
		return (hold != null) ? hold.count : 0;
	}

	/**
	 * The identifiers of every contender, holders first and then waiters in queue order, as
	 * kazoo's {@code contenders()} lists them (read and write contenders both, for a read/write
	 * lock).
	 * @return the identifiers stored in the contender nodes; empty when there are none
	 */
	public List<String> contenders() {
		return this.locks.identifiers(this.path, this.contenders::ordered);
	}

	/**
	 * The lock's path.
	 * @return the path whose children are the contenders
	 */
	@Override
	public String path() {
		return this.path;
	}

	/**
	 * The identifier this lock's contender nodes store.
	 * @return the identifier
	 */
	@Override
	public String identifier() {
		return this.identifier;
	}

	@Override
	public String toString() {
		return "ZkLock[" + this.kind + " " + this.path + "]";
	}

}
