package io.zkboot.coordination.recipe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

/**
 * kazoo's {@code LockingQueue}: a distributed queue with priorities whose items are taken, then
 * consumed or released; an item whose consumer dies (its session ends) returns to the queue.
 *
 * <pre>{@code
 * ZkLockingQueue jobs = recipes.lockingQueue("/queues/jobs");
 * jobs.put("resize:42".getBytes(UTF_8));
 * ZkLockingQueue.Item item = jobs.take(Duration.ofSeconds(5));   // null after 5 s without one
 * if (item != null) {
 *     process(item.value());
 *     item.consume();       // or item.release() to give it back
 * }
 * }</pre>
 *
 * <p>Layout, kazoo's: items are persistent sequential nodes
 * {@code entries/entry-<3-digit priority>-<10-digit sequence>} under the queue path holding the
 * item's bytes; a taken item has an ephemeral node {@code taken/<the same name>} holding the taker's
 * id (32 hex digits, one per queue object). Items are taken in name order (priority, then the order
 * they were put), skipping taken ones. Consuming deletes both nodes in one transaction; releasing
 * deletes the {@code taken} node. {@link #size()} counts taken items too, as kazoo's does.
 *
 * <p>Session loss: the {@code taken} node goes with the session and the item becomes available
 * again; {@link Item#isHeld()} then answers {@code false} and {@link Item#consume()} refuses.
 */
public final class ZkLockingQueue {

	private final CuratorFramework client;

	private final String path;

	private final String entries;

	private final String taken;

	private final byte[] id = Nodes.utf8(Nodes.uuidHex());

	private volatile boolean ensured;

	ZkLockingQueue(CuratorFramework client, String path) {
		this.client = client;
		this.path = Nodes.checkPath(path, "locking queue");
		this.entries = Nodes.child(path, "entries");
		this.taken = Nodes.child(path, "taken");
	}

	/**
	 * The queue's path.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Puts an item at the default priority ({@value ZkQueue#DEFAULT_PRIORITY}).
	 * @param value the item
	 */
	public void put(byte[] value) {
		put(value, ZkQueue.DEFAULT_PRIORITY);
	}

	/**
	 * Puts an item.
	 * @param value the item
	 * @param priority 0 to 999; lower values are taken first
	 */
	public void put(byte[] value, int priority) {
		putAll(List.of(value), priority);
	}

	/**
	 * Puts several items atomically: all or none (kazoo's {@code put_all}).
	 * @param values the items, in order
	 * @param priority 0 to 999; lower values are taken first
	 */
	public void putAll(List<byte[]> values, int priority) {
		String prefix = this.entries + "/entry-" + ZkQueue.priority(priority) + "-";
		try {
			ensure();
			if (values.size() == 1) {
				this.client.create().withMode(CreateMode.PERSISTENT_SEQUENTIAL).forPath(prefix, values.get(0));
				return;
			}
			List<CuratorOp> ops = new ArrayList<>();
			for (byte[] value : values) {
				ops.add(this.client.transactionOp().create().withMode(CreateMode.PERSISTENT_SEQUENTIAL).forPath(prefix, value));
			}
			this.client.transaction().forOperations(ops);
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	/**
	 * Takes the next item, waiting for one without a bound.
	 * @return the item, held by this queue object until consumed or released
	 * @throws InterruptedException when the thread is interrupted while waiting
	 */
	public Item take() throws InterruptedException {
		return take(null);
	}

	/**
	 * Takes the next available item, waiting for one to be put or released.
	 * @param timeout how long to wait at most; {@code null} waits without a bound
	 * @return the item, held by this queue object until consumed or released, or {@code null} when
	 * none came in time
	 * @throws InterruptedException when the thread is interrupted while waiting
	 */
	public @Nullable Item take(@Nullable Duration timeout) throws InterruptedException {
		try (Waiter waiter = new Waiter(this.client, timeout)) {
			ensure();
			while (true) {
				waiter.arm();
				try {
					List<String> names = new ArrayList<>(
							this.client.getChildren().usingWatcher(waiter.watcher()).forPath(this.entries));
					Set<String> takenNames = new HashSet<>(
							this.client.getChildren().usingWatcher(waiter.watcher()).forPath(this.taken));
					names.sort(null);
					for (String name : names) {
						if (!takenNames.contains(name)) {
							Item item = tryTake(name);
							if (item != null) {
								return item;
							}
						}
					}
				}
				catch (KeeperException.ConnectionLossException ex) {
					// checks again once the connection is back
				}
				if (!waiter.await()) {
					return null;
				}
			}
		}
		catch (Exception ex) {
			throw Nodes.failure(ex, this.path);
		}
	}

	/**
	 * Counts the items, taken ones included.
	 * @return the number of items in the queue
	 */
	public int size() {
		try {
			ensure();
			Stat stat = this.client.checkExists().forPath(this.entries);
			return (stat != null) ? stat.getNumChildren() : 0;
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	private @Nullable Item tryTake(String name) throws Exception {
		String lock = Nodes.child(this.taken, name);
		try {
			this.client.create().withMode(CreateMode.EPHEMERAL).forPath(lock, this.id);
		}
		catch (KeeperException.NodeExistsException ex) {
			return null;
		}
		try {
			return new Item(name, this.client.getData().forPath(Nodes.child(this.entries, name)));
		}
		catch (KeeperException.NoNodeException ex) {
			// consumed meanwhile
			this.client.delete().forPath(lock);
			return null;
		}
	}

	private void ensure() throws Exception {
		if (!this.ensured) {
			Nodes.ensurePath(this.client, this.taken);
			Nodes.ensurePath(this.client, this.entries);
			this.ensured = true;
		}
	}

	/** An item taken from the queue: held until consumed or released, or until the session ends. */
	public final class Item {

		private final String name;

		private final byte[] value;

		private Item(String name, byte[] value) {
			this.name = name;
			this.value = value;
		}

		/**
		 * The item's node name under {@code entries}.
		 * @return for example {@code entry-100-0000000007}
		 */
		public String name() {
			return this.name;
		}

		/**
		 * The item.
		 * @return its bytes
		 */
		public byte[] value() {
			return this.value.clone();
		}

		/**
		 * Tells whether this queue object still holds the item (its {@code taken} node exists and
		 * holds this queue's id; kazoo's {@code holds_lock}).
		 * @return whether the item is held
		 */
		public boolean isHeld() {
			try {
				return Arrays.equals(ZkLockingQueue.this.id,
						ZkLockingQueue.this.client.getData().forPath(Nodes.child(ZkLockingQueue.this.taken, this.name)));
			}
			catch (KeeperException.NoNodeException ex) {
				return false;
			}
			catch (Exception ex) {
				throw Nodes.translate(ex, ZkLockingQueue.this.path);
			}
		}

		/**
		 * Removes the item from the queue, if it is still held.
		 * @return {@code true} when removed, {@code false} when it was no longer held (for example
		 * after a session loss)
		 */
		public boolean consume() {
			if (!isHeld()) {
				return false;
			}
			CuratorFramework client = ZkLockingQueue.this.client;
			try {
				client.transaction()
					.forOperations(client.transactionOp().delete().forPath(Nodes.child(ZkLockingQueue.this.entries, this.name)),
							client.transactionOp().delete().forPath(Nodes.child(ZkLockingQueue.this.taken, this.name)));
				return true;
			}
			catch (KeeperException.NoNodeException ex) {
				return false;
			}
			catch (Exception ex) {
				throw Nodes.translate(ex, ZkLockingQueue.this.path);
			}
		}

		/**
		 * Gives the item back to the queue, if it is still held.
		 * @return {@code true} when released, {@code false} when it was no longer held
		 */
		public boolean release() {
			if (!isHeld()) {
				return false;
			}
			try {
				ZkLockingQueue.this.client.delete().forPath(Nodes.child(ZkLockingQueue.this.taken, this.name));
				return true;
			}
			catch (KeeperException.NoNodeException ex) {
				return false;
			}
			catch (Exception ex) {
				throw Nodes.translate(ex, ZkLockingQueue.this.path);
			}
		}

	}

}
