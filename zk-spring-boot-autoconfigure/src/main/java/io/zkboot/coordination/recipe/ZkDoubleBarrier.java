package io.zkboot.coordination.recipe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.zkboot.core.ZkSessionExpiredException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * kazoo's {@code DoubleBarrier}: a group of {@code count} participants starts a task together
 * ({@link #enter}) and finishes it together ({@link #leave}).
 *
 * <pre>{@code
 * ZkDoubleBarrier round = recipes.doubleBarrier("/rounds/nightly", 3);
 * if (round.enter(Duration.ofMinutes(5))) {   // blocks until 3 have entered
 *     work();
 *     round.leave(Duration.ofMinutes(5));      // blocks until all have left
 * }
 * }</pre>
 *
 * <p>Layout, kazoo's: each participant is an ephemeral node {@code <uuid hex>} under the barrier
 * path holding its identifier (UTF-8); the participant that sees {@code count} of them creates
 * {@code ready}, which lets everybody in. Leaving deletes {@code ready}; the lowest node (by name)
 * waits for the highest to go, the others delete theirs and wait for the lowest to go.
 *
 * <p>Session loss: a participant whose session expires while it waits to enter is no longer
 * counted (its node is gone); {@code enter} then fails with a {@link ZkSessionExpiredException}
 * rather than joining again silently. A participant that times out removes its node.
 */
public final class ZkDoubleBarrier {

	private static final String READY = "ready";

	private final CuratorFramework client;

	private final String path;

	private final int count;

	private final String identifier;

	private final String node;

	private final String nodePath;

	ZkDoubleBarrier(CuratorFramework client, String path, int count, String identifier) {
		if (count < 1) {
			throw new IllegalArgumentException("double barrier " + path + " needs at least 1 participant, not " + count);
		}
		this.client = client;
		this.path = Nodes.checkPath(path, "double barrier");
		this.count = count;
		this.identifier = identifier;
		this.node = Nodes.uuidHex();
		this.nodePath = Nodes.child(path, this.node);
	}

	/**
	 * The barrier's path.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * How many participants the barrier waits for.
	 * @return the count
	 */
	public int count() {
		return this.count;
	}

	/**
	 * This participant's identifier, stored in its node.
	 * @return the identifier
	 */
	public String identifier() {
		return this.identifier;
	}

	/**
	 * Enters the barrier and waits until {@code count} participants have entered.
	 * @throws InterruptedException when the thread is interrupted while waiting
	 * @throws ZkSessionExpiredException when the session expired while waiting
	 */
	public void enter() throws InterruptedException {
		enter(null);
	}

	/**
	 * Enters the barrier and waits until {@code count} participants have entered or the timeout
	 * passes; on timeout this participant's node is removed again.
	 * @param timeout how long to wait at most; {@code null} waits without a bound
	 * @return {@code true} when all entered, {@code false} on timeout
	 * @throws InterruptedException when the thread is interrupted while waiting (the node is
	 * removed)
	 * @throws ZkSessionExpiredException when the session expired while waiting
	 */
	public boolean enter(@Nullable Duration timeout) throws InterruptedException {
		boolean entered = false;
		try (Waiter waiter = new Waiter(this.client, timeout)) {
			Nodes.ensurePath(this.client, this.path);
			try {
				this.client.create().withMode(CreateMode.EPHEMERAL).forPath(this.nodePath, Nodes.utf8(this.identifier));
			}
			catch (KeeperException.NodeExistsException ex) {
				// entered before
			}
			String ready = Nodes.child(this.path, READY);
			while (true) {
				waiter.arm();
				try {
					if (this.client.checkExists().usingWatcher(waiter.watcher()).forPath(ready) != null) {
						entered = true;
						return true;
					}
					List<String> participants = participants();
					if (!participants.contains(this.node)) {
						throw new ZkSessionExpiredException("the session expired while waiting to enter double barrier "
								+ this.path + ": this participant's node " + this.nodePath + " is gone", this.path, null);
					}
					if (participants.size() >= this.count) {
						Nodes.ensurePath(this.client, ready);
						entered = true;
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
		finally {
			if (!entered) {
				removeNode();
			}
		}
	}

	/**
	 * Leaves the barrier and waits until every participant has left.
	 * @throws InterruptedException when the thread is interrupted while waiting
	 */
	public void leave() throws InterruptedException {
		leave(null);
	}

	/**
	 * Leaves the barrier and waits until every participant has left or the timeout passes; on
	 * timeout this participant's node is removed anyway.
	 * @param timeout how long to wait at most; {@code null} waits without a bound
	 * @return {@code true} when all left, {@code false} on timeout
	 * @throws InterruptedException when the thread is interrupted while waiting
	 */
	public boolean leave(@Nullable Duration timeout) throws InterruptedException {
		boolean left = false;
		try (Waiter waiter = new Waiter(this.client, timeout)) {
			delete(Nodes.child(this.path, READY));
			while (true) {
				waiter.arm();
				try {
					List<String> participants = participants();
					if (participants.isEmpty()) {
						left = true;
						return true;
					}
					if (participants.size() == 1 && participants.get(0).equals(this.node)) {
						delete(this.nodePath);
						left = true;
						return true;
					}
					String awaited;
					if (participants.get(0).equals(this.node)) {
						// the lowest waits for the highest to go
						awaited = participants.get(participants.size() - 1);
					}
					else {
						delete(this.nodePath);
						awaited = participants.get(0);
					}
					if (this.client.checkExists()
						.usingWatcher(waiter.watcher())
						.forPath(Nodes.child(this.path, awaited)) == null) {
						continue;
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
		finally {
			if (!left) {
				removeNode();
			}
		}
	}

	/** The participants' node names, sorted, without {@code ready}. */
	private List<String> participants() throws Exception {
		List<String> children = new ArrayList<>(this.client.getChildren().forPath(this.path));
		children.remove(READY);
		Collections.sort(children);
		return children;
	}

	private void delete(String node) throws Exception {
		try {
			this.client.delete().forPath(node);
		}
		catch (KeeperException.NoNodeException ex) {
			// gone already
		}
	}

	private void removeNode() {
		try {
			delete(this.nodePath);
		}
		catch (Exception ex) {
			// best effort, as kazoo's cleanup: the node is ephemeral and goes with the session
		}
	}

}
