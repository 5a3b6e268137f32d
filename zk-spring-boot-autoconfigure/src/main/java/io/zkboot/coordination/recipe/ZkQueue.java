package io.zkboot.coordination.recipe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

/**
 * kazoo's {@code Queue}: a distributed queue with priorities. An item is removed when it is taken,
 * so a consumer that fails afterwards loses it; see {@link ZkLockingQueue} for a queue whose items
 * return when their consumer dies.
 *
 * <pre>{@code
 * ZkQueue jobs = recipes.queue("/queues/jobs");
 * jobs.put("resize:42".getBytes(UTF_8));
 * jobs.put("urgent".getBytes(UTF_8), 10);          // lower priority values come first
 * byte[] next = jobs.poll(Duration.ofSeconds(5));   // null after 5 s without an item
 * }</pre>
 *
 * <p>Layout, kazoo's: each item is a persistent sequential node
 * {@code entry-<3-digit priority>-<10-digit sequence>} under the queue path holding the item's
 * bytes; items are taken in name order, so by priority (0 to 999, default 100) and then in the
 * order they were put. Taking reads the first node and deletes it; of two consumers reading the
 * same node, the one whose delete succeeds gets the item.
 */
public final class ZkQueue {

	/** kazoo's default priority. */
	public static final int DEFAULT_PRIORITY = 100;

	private static final String PREFIX = "entry-";

	private final CuratorFramework client;

	private final String path;

	private volatile boolean ensured;

	ZkQueue(CuratorFramework client, String path) {
		this.client = client;
		this.path = Nodes.checkPath(path, "queue");
	}

	/**
	 * The queue's path.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Puts an item at the default priority ({@value #DEFAULT_PRIORITY}).
	 * @param value the item
	 */
	public void put(byte[] value) {
		put(value, DEFAULT_PRIORITY);
	}

	/**
	 * Puts an item.
	 * @param value the item
	 * @param priority 0 to 999; lower values are taken first
	 */
	public void put(byte[] value, int priority) {
		String prefix = this.path + "/" + PREFIX + priority(priority) + "-";
		try {
			ensure();
			this.client.create().withMode(CreateMode.PERSISTENT_SEQUENTIAL).forPath(prefix, value);
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	/**
	 * Takes the next item if there is one (kazoo's {@code get()}).
	 * @return the item, or {@code null} when the queue is empty
	 */
	public byte @Nullable [] poll() {
		try {
			ensure();
			return takeFirst(this.client.getChildren().forPath(this.path));
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	/**
	 * Takes the next item, waiting for one to be put.
	 * @param timeout how long to wait at most; {@code null} waits without a bound
	 * @return the item, or {@code null} when none came in time
	 * @throws InterruptedException when the thread is interrupted while waiting
	 */
	public byte @Nullable [] poll(@Nullable Duration timeout) throws InterruptedException {
		try (Waiter waiter = new Waiter(this.client, timeout)) {
			ensure();
			while (true) {
				waiter.arm();
				try {
					byte[] item = takeFirst(this.client.getChildren().usingWatcher(waiter.watcher()).forPath(this.path));
					if (item != null) {
						return item;
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
	 * Counts the items.
	 * @return the number of items in the queue
	 */
	public int size() {
		try {
			ensure();
			Stat stat = this.client.checkExists().forPath(this.path);
			return (stat != null) ? stat.getNumChildren() : 0;
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	private byte @Nullable [] takeFirst(List<String> children) throws Exception {
		List<String> names = new ArrayList<>(children);
		Collections.sort(names);
		for (String name : names) {
			String node = Nodes.child(this.path, name);
			try {
				byte[] data = this.client.getData().forPath(node);
				this.client.delete().forPath(node);
				return data;
			}
			catch (KeeperException.NoNodeException ex) {
				// another consumer took it: try the next
			}
		}
		return null;
	}

	private void ensure() throws Exception {
		if (!this.ensured) {
			Nodes.ensurePath(this.client, this.path);
			this.ensured = true;
		}
	}

	static String priority(int priority) {
		if (priority < 0 || priority > 999) {
			throw new IllegalArgumentException("priority must be between 0 and 999, not " + priority);
		}
		return String.format("%03d", priority);
	}

}
