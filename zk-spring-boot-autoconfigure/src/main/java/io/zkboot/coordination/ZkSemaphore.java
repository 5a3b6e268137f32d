package io.zkboot.coordination;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.zkboot.core.ZkException;
import io.zkboot.core.ZkExceptionTranslator;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * kazoo's {@code Semaphore}: at most {@link #getMaxLeases()} holders at a time, across every
 * process. Stored as kazoo stores it: the limit as text in the semaphore node's data, a lease an
 * ephemeral child {@code <uuid hex>} holding the holder's identifier, and the lock
 * {@code <path>-__lock__} that one acquirer at a time takes to look for a free lease (so only
 * that one watches the leases).
 *
 * <p>A lease belongs to the thread that acquired it, as a lock does; a thread that holds one
 * and acquires again gets no second lease (as kazoo's {@code acquire} returns at once). Session
 * loss is reported as for locks ({@link ZkLockListener}, {@link ZkLockLostEvent}).
 */
public final class ZkSemaphore extends HoldOwner {

	private final ZkLocks locks;

	private final String path;

	private final int maxLeases;

	private final ZkLock gate;

	private final ConcurrentHashMap<Thread, Hold> leases = new ConcurrentHashMap<>();

	private volatile boolean pathAssured;

	ZkSemaphore(ZkLocks locks, String path, int maxLeases) {
		this.locks = locks;
		this.path = path;
		this.maxLeases = maxLeases;
		this.gate = locks.lock(path + "-" + Contenders.LOCK);
	}

	/**
	 * Wait for a lease for as long as it takes.
	 * @throws InterruptedException when interrupted while waiting
	 */
	public void acquire() throws InterruptedException {
		acquire(-1);
	}

	/**
	 * Take a lease if one is free now.
	 * @return whether the calling thread holds a lease
	 */
	public boolean tryAcquire() {
		try {
			return acquire(0);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Wait for a lease at most a while.
	 * @param timeout how long to wait
	 * @return whether the calling thread holds a lease
	 * @throws InterruptedException when interrupted while waiting
	 */
	public boolean tryAcquire(Duration timeout) throws InterruptedException {
		return acquire(Math.max(0, timeout.toNanos()));
	}

	private boolean acquire(long timeoutNanos) throws InterruptedException {
		Hold held = this.leases.get(Thread.currentThread());
		if (held != null) {
			if (held.state == ZkLockState.LOST) {
				throw new ZkLockLostException("The lease of " + this.path + " held by this thread since " + held.since
						+ " was lost; release it before acquiring again", this.path);
			}
			return true;
		}
		assurePath();
		long deadline = System.nanoTime() + timeoutNanos;
		boolean gated = (timeoutNanos < 0) ? lockGate() : this.gate.tryLock(timeoutNanos, TimeUnit.NANOSECONDS);
		if (!gated) {
			return false;
		}
		ZkLocks.Wakeup wakeup = this.locks.waiter();
		try {
			while (true) {
				wakeup.reset();
				List<String> children = this.locks.client().getChildren().usingWatcher(wakeup).forPath(this.path);
				if (children.size() < this.maxLeases) {
					String leasePath = ZKPaths.makePath(this.path, UUID.randomUUID().toString().replace("-", ""));
					createLease(leasePath);
					this.leases.put(Thread.currentThread(), this.locks.held(this, "semaphore", leasePath));
					return true;
				}
				long remaining = deadline - System.nanoTime();
				if (timeoutNanos == 0 || (timeoutNanos > 0 && remaining <= 0)) {
					return false;
				}
				wakeup.await((timeoutNanos > 0) ? remaining : -1);
			}
		}
		catch (InterruptedException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw ZkExceptionTranslator.translate(ex, this.path);
		}
		finally {
			this.locks.done(wakeup);
			this.gate.unlock();
		}
	}

	private boolean lockGate() throws InterruptedException {
		this.gate.lockInterruptibly();
		return true;
	}

	private void createLease(String leasePath) throws Exception {
		try {
			this.locks.client().create().withMode(CreateMode.EPHEMERAL).forPath(leasePath, identifier().getBytes(StandardCharsets.UTF_8));
		}
		catch (KeeperException.ConnectionLossException ex) {
			// the create may have reached the server: kazoo checks for the node, so do we
			if (this.locks.client().checkExists().forPath(leasePath) == null) {
				throw ex;
			}
		}
	}

	/** The limit is the node's data, as text; an existing node must agree with this semaphore's. */
	private void assurePath() {
		if (this.pathAssured) {
			return;
		}
		byte[] limit = String.valueOf(this.maxLeases).getBytes(StandardCharsets.UTF_8);
		try {
			try {
				this.locks.client().create().creatingParentsIfNeeded().forPath(this.path, limit);
			}
			catch (KeeperException.NodeExistsException ex) {
				String stored = new String(this.locks.client().getData().forPath(this.path), StandardCharsets.UTF_8);
				Integer leases = parse(stored);
				if (leases != null && leases != this.maxLeases) {
					throw new ZkException("Inconsistent max leases at " + this.path + ": " + leases + " stored, "
							+ this.maxLeases + " expected; delete the node to change the limit", this.path, null);
				}
			}
			this.pathAssured = true;
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw ZkExceptionTranslator.translate(ex, this.path);
		}
	}

	private static @Nullable Integer parse(String stored) {
		try {
			return Integer.valueOf(stored.trim());
		}
		catch (NumberFormatException ex) {
			// kazoo ignores data that is not a number: the node may be used for something else
			return null;
		}
	}

	/**
	 * Give back the calling thread's lease.
	 * @throws IllegalMonitorStateException when the calling thread holds none
	 */
	public void release() {
		Hold lease = this.leases.remove(Thread.currentThread());
		if (lease == null) {
			throw new IllegalMonitorStateException(
					"Thread " + Thread.currentThread().getName() + " holds no lease of " + this.path);
		}
		this.locks.release(lease);
	}

	/**
	 * Whether the calling thread holds a lease and its session is known to be alive.
	 * @return true while the lease is {@link ZkLockState#HELD}
	 */
	public boolean isHeldByCurrentThread() {
		Hold lease = this.leases.get(Thread.currentThread());
		return lease != null && lease.state == ZkLockState.HELD;
	}

	/**
	 * The identifiers of the current lease holders, in no order, as kazoo's
	 * {@code lease_holders()}.
	 * @return the identifiers; empty when the semaphore does not exist yet
	 */
	public List<String> leaseHolders() {
		return this.locks.identifiers(this.path, (children) -> children);
	}

	/**
	 * How many may hold a lease at once.
	 * @return the limit
	 */
	public int getMaxLeases() {
		return this.maxLeases;
	}

	@Override
	public String path() {
		return this.path;
	}

	@Override
	public String identifier() {
		return this.locks.identifier();
	}

	@Override
	public String toString() {
		return "ZkSemaphore[" + this.path + ", " + this.maxLeases + " leases]";
	}

}
