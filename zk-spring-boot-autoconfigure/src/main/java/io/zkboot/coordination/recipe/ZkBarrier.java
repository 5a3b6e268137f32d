package io.zkboot.coordination.recipe;

import java.time.Duration;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * kazoo's {@code Barrier}: processes wait until one of them removes the barrier.
 *
 * <pre>{@code
 * ZkBarrier gate = recipes.barrier("/gates/migration");
 * gate.create();                                  // the coordinator closes the gate
 * boolean open = gate.await(Duration.ofMinutes(1)); // workers wait for it to open
 * gate.remove();                                  // the coordinator opens it
 * }</pre>
 *
 * <p>Layout, kazoo's: the barrier is in place while its node exists (persistent, empty data).
 * Waiting survives connection losses: the wait checks again when the connection is back.
 */
public final class ZkBarrier {

	private final CuratorFramework client;

	private final String path;

	ZkBarrier(CuratorFramework client, String path) {
		this.client = client;
		this.path = Nodes.checkPath(path, "barrier");
	}

	/**
	 * The barrier's path.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Puts the barrier in place (creates its node and missing parents); nothing happens when it is
	 * in place already.
	 */
	public void create() {
		try {
			Nodes.ensurePath(this.client, this.path);
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	/**
	 * Removes the barrier, releasing every waiter.
	 * @return whether it was in place
	 */
	public boolean remove() {
		try {
			this.client.delete().forPath(this.path);
			return true;
		}
		catch (KeeperException.NoNodeException ex) {
			return false;
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	/**
	 * Tells whether the barrier is in place.
	 * @return whether its node exists
	 */
	public boolean isPresent() {
		try {
			return this.client.checkExists().forPath(this.path) != null;
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	/**
	 * Waits until the barrier is removed (returns at once when it is not in place).
	 * @throws InterruptedException when the thread is interrupted while waiting
	 */
	public void await() throws InterruptedException {
		await(null);
	}

	/**
	 * Waits until the barrier is removed or the timeout passes.
	 * @param timeout how long to wait at most; {@code null} waits without a bound
	 * @return {@code true} when the barrier is not in place, {@code false} on timeout
	 * @throws InterruptedException when the thread is interrupted while waiting
	 */
	public boolean await(@Nullable Duration timeout) throws InterruptedException {
		try (Waiter waiter = new Waiter(this.client, timeout)) {
			while (true) {
				waiter.arm();
				try {
					if (this.client.checkExists().usingWatcher(waiter.watcher()).forPath(this.path) == null) {
						return true;
					}
				}
				catch (KeeperException.ConnectionLossException ex) {
					// checks again once the connection is back
				}
				if (!waiter.await()) {
					return false;
				}
			}
		}
		catch (Exception ex) {
			throw Nodes.failure(ex, this.path);
		}
	}

}
