package io.zkboot.coordination.recipe;

import io.zkboot.coordination.ZkLocks;
import java.time.Clock;
import java.time.Duration;


/**
 * kazoo's {@code MultiNonBlockingLease}: at most {@code count} holders for a period, for a task a
 * limited number of instances should run.
 *
 * <pre>{@code
 * ZkMultiLease indexers = recipes.multiLease("/leases/indexers", 2, Duration.ofMinutes(10));
 * if (indexers.obtain()) {
 *     index();
 * }
 * }</pre>
 *
 * <p>Layout, kazoo's: {@code count} {@link ZkLease}s at {@code <path>/0} to
 * {@code <path>/<count - 1>}, tried in that order; the first one obtained (or renewed) wins.
 */
public final class ZkMultiLease {

	private final String path;

	private final int count;

	private final ZkLease[] leases;

	ZkMultiLease(ZkLocks locks, String path, int count, Duration duration, String identifier, Clock clock) {
		if (count < 1) {
			throw new IllegalArgumentException("multi lease " + path + " needs at least 1 lease, not " + count);
		}
		this.path = Nodes.checkPath(path, "multi lease");
		this.count = count;
		this.leases = new ZkLease[count];
		for (int i = 0; i < count; i++) {
			this.leases[i] = new ZkLease(locks, Nodes.child(path, Integer.toString(i)), duration, identifier, clock);
		}
	}

	/**
	 * The leases' parent path.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * How many holders the lease allows.
	 * @return the count
	 */
	public int count() {
		return this.count;
	}

	/**
	 * Tries the leases in order and obtains (or renews) the first one free.
	 * @return {@code true} when this identifier holds one of the leases now
	 */
	public boolean obtain() {
		for (ZkLease lease : this.leases) {
			if (lease.obtain()) {
				return true;
			}
		}
		return false;
	}

}
