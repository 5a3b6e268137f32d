package io.zkboot.coordination.recipe;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zkboot.core.ZkSessionExpiredException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.ACL;

/**
 * A minimal exclusive lock on kazoo's layout, for the recipes that take kazoo's {@code Lock}
 * internally (leases, the set partitioner): contenders are ephemeral sequential nodes
 * {@code <uuid hex>__lock__<10-digit sequence>} under the lock path holding the contender's data,
 * ordered by the sequence number; the lowest holds the lock, the others watch their predecessor.
 * The uuid prefix finds this contender's node again after a connection loss during its create
 * (kazoo's {@code create_tried}), so no orphan contender is left. Not reentrant; one acquisition at
 * a time per object.
 */
final class KazooLock {

	private static final String NODE_NAME = "__lock__";

	private static final Pattern CONTENDER = Pattern.compile("(?:" + NODE_NAME + ")(-?\\d{10})$");

	private final CuratorFramework client;

	private final String path;

	private final byte[] data;

	private final String prefix = Nodes.uuidHex() + NODE_NAME;

	private volatile String node;

	KazooLock(CuratorFramework client, String path, byte[] data) {
		this.client = client;
		this.path = path;
		this.data = data;
	}

	String path() {
		return this.path;
	}

	boolean isAcquired() {
		return this.node != null;
	}

	/**
	 * Acquires the lock.
	 * @param timeout how long to wait at most, {@code null} for no bound
	 * @return {@code false} on timeout (this contender's node is removed again)
	 * @throws ZkSessionExpiredException when the contender's node vanished with its session
	 */
	boolean acquire(Duration timeout) throws Exception {
		String own = null;
		try (Waiter waiter = new Waiter(this.client, timeout)) {
			Nodes.ensurePath(this.client, this.path);
			own = create(waiter);
			if (own == null) {
				return false;
			}
			while (true) {
				waiter.arm();
				String predecessor;
				try {
					predecessor = predecessor(own);
					if (predecessor == null) {
						this.node = own;
						return true;
					}
					if (this.client.checkExists()
						.usingWatcher(waiter.watcher())
						.forPath(Nodes.child(this.path, predecessor)) == null) {
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
		finally {
			if (this.node == null && own != null) {
				delete(own);
			}
		}
	}

	/** Releases the lock if held. */
	void release() throws Exception {
		String held = this.node;
		this.node = null;
		if (held != null) {
			delete(held);
		}
	}

	/**
	 * Creates this contender's node with the plain ZooKeeper client (Curator's retries could create
	 * a second one), finding it again by its prefix after a connection loss.
	 */
	private String create(Waiter waiter) throws Exception {
		String full = ZKPaths.fixForNamespace(this.client.getNamespace(), Nodes.child(this.path, this.prefix));
		// the contender gets the lock node's ACL, as the client's ACL provider gave it
		List<ACL> acl = this.client.getACL().forPath(this.path);
		boolean tried = false;
		while (true) {
			if (tried) {
				String found = find();
				if (found != null) {
					return found;
				}
			}
			tried = true;
			try {
				String created = this.client.getZookeeperClient()
					.getZooKeeper()
					.create(full, this.data, acl, CreateMode.EPHEMERAL_SEQUENTIAL);
				return ZKPaths.getNodeFromPath(created);
			}
			catch (KeeperException.ConnectionLossException ex) {
				while (!this.client.blockUntilConnected(100, TimeUnit.MILLISECONDS)) {
					if (waiter.expired()) {
						throw ex;
					}
				}
			}
		}
	}

	private String find() throws Exception {
		for (String child : this.client.getChildren().forPath(this.path)) {
			if (child.startsWith(this.prefix)) {
				return child;
			}
		}
		return null;
	}

	/** The contender just before this one, or {@code null} when this one is first. */
	private String predecessor(String own) throws Exception {
		List<String> children = this.client.getChildren().forPath(this.path);
		if (!children.contains(own)) {
			throw new ZkSessionExpiredException("lock contender " + Nodes.child(this.path, own)
					+ " vanished: the session expired", this.path, null);
		}
		Map<String, String> bySequence = new TreeMap<>(Comparator.naturalOrder());
		for (String child : children) {
			Matcher matcher = CONTENDER.matcher(child);
			if (matcher.find()) {
				bySequence.put(matcher.group(1) + "/" + child, child);
			}
		}
		String predecessor = null;
		for (String contender : bySequence.values()) {
			if (contender.equals(own)) {
				return predecessor;
			}
			predecessor = contender;
		}
		return predecessor;
	}

	private void delete(String name) throws Exception {
		try {
			this.client.delete().forPath(Nodes.child(this.path, name));
		}
		catch (KeeperException.NoNodeException ex) {
			// gone with the session, or never created
		}
	}

}
