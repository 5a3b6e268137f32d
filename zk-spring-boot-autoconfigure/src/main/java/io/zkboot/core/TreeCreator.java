package io.zkboot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.zkboot.core.internal.AsyncWindow;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.jspecify.annotations.Nullable;

/**
 * Creates many persistent nodes with pipelined asynchronous calls, parents before children, making
 * missing ancestors on the way. Behind the template's tree creation, {@code ensurePath} and
 * {@code create} with missing parents.
 */
final class TreeCreator {

	private static final byte[] NO_DATA = new byte[0];

	private final RawZooKeeper raw;

	private final int windowSize;

	TreeCreator(RawZooKeeper raw, int windowSize) {
		this.raw = raw;
		this.windowSize = windowSize;
	}

	/**
	 * Creates nodes and their missing ancestors.
	 * @param nodes the paths to create and their data; an existing one is an error unless it is in
	 * {@code mayExist}
	 * @param mayExist paths that are fine to find already there
	 * @return the paths created (not those found), parents before children
	 */
	List<String> create(Map<String, byte @Nullable []> nodes, Set<String> mayExist) {
		NavigableMap<String, byte[]> all = new TreeMap<>();
		for (Map.Entry<String, byte[]> node : nodes.entrySet()) {
			String path = ZkPath.validate(node.getKey());
			all.put(path, (node.getValue() != null) ? node.getValue() : NO_DATA);
			// each ancestor not given is added once, empty; stop at one already known
			String ancestor = ZkPath.parent(path);
			while (!ZkPath.ROOT.equals(ancestor) && !nodes.containsKey(ancestor)
					&& all.putIfAbsent(ancestor, NO_DATA) == null) {
				ancestor = ZkPath.parent(ancestor);
			}
		}
		all.remove(ZkPath.ROOT);
		ZooKeeper zooKeeper = this.raw.zooKeeper();
		AsyncWindow window = new AsyncWindow(this.windowSize);
		Set<String> found = ConcurrentHashMap.newKeySet();
		// Curator's namespace node (and its ancestors) may be missing too.
		for (String namespaceAncestor : namespaceAncestors()) {
			submit(zooKeeper, window, namespaceAncestor, namespaceAncestor, NO_DATA, true, found);
		}
		all.forEach((path, data) -> submit(zooKeeper, window, path, this.raw.toServer(path), data,
				!nodes.containsKey(path) || mayExist.contains(path), found));
		window.await();
		List<String> created = new ArrayList<>(all.size());
		for (String path : all.keySet()) {
			if (!found.contains(path)) {
				created.add(path);
			}
		}
		return created;
	}

	private void submit(ZooKeeper zooKeeper, AsyncWindow window, String path, String serverPath, byte[] data,
			boolean mayExist, Set<String> found) {
		window.submit(() -> zooKeeper.create(serverPath, data, this.raw.aclFor(serverPath, null),
				CreateMode.PERSISTENT, (rc, p, ctx, name) -> {
					if (rc == KeeperException.Code.NODEEXISTS.intValue() && mayExist) {
						found.add(path);
					}
					else if (rc != KeeperException.Code.OK.intValue()) {
						window.fail(rc, path);
					}
					window.complete();
				}, null));
	}

	private List<String> namespaceAncestors() {
		String top = this.raw.toServer(ZkPath.ROOT);
		List<String> ancestors = new ArrayList<>();
		for (String path = top; !ZkPath.ROOT.equals(path); path = ZkPath.parent(path)) {
			ancestors.add(0, path);
		}
		return ancestors;
	}

}
