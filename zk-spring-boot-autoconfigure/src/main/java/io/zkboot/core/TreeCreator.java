package io.zkboot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;

/**
 * Creates many persistent nodes with pipelined asynchronous calls, parents before children, making
 * missing ancestors on the way. Behind the template's tree creation, {@code ensurePath} and
 * {@code create} with missing parents.
 */
final class TreeCreator {

	private static final byte[] NO_DATA = new byte[0];

	private final ZkConnection connection;

	private final int windowSize;

	TreeCreator(ZkConnection connection, int windowSize) {
		this.connection = connection;
		this.windowSize = windowSize;
	}

	/**
	 * Creates nodes and their missing ancestors.
	 * @param nodes the paths to create and their data; an existing one is an error unless it is in
	 * {@code mayExist}
	 * @param mayExist paths that are fine to find already there
	 * @return the paths created (not those found), parents before children
	 */
	List<String> create(Map<String, byte[]> nodes, Set<String> mayExist) {
		NavigableMap<String, byte[]> all = new TreeMap<>();
		for (String path : nodes.keySet()) {
			ZkPath.validate(path);
			for (String ancestor = ZkPath.parent(path); !ZkPath.ROOT.equals(ancestor); ancestor = ZkPath
				.parent(ancestor)) {
				all.put(ancestor, NO_DATA);
			}
		}
		all.putAll(nodes);
		all.remove(ZkPath.ROOT);
		ZooKeeper zooKeeper = this.connection.zooKeeper();
		AsyncWindow window = new AsyncWindow(this.windowSize);
		Set<String> created = new ConcurrentSkipListSet<>();
		// Curator's namespace node (and its ancestors) may be missing too.
		for (String namespaceAncestor : namespaceAncestors()) {
			submit(zooKeeper, window, namespaceAncestor, NO_DATA, true, created, false);
		}
		all.forEach((path, data) -> submit(zooKeeper, window, path, data,
				!nodes.containsKey(path) || mayExist.contains(path), created, true));
		window.await();
		return new ArrayList<>(created);
	}

	private void submit(ZooKeeper zooKeeper, AsyncWindow window, String path, byte[] data, boolean mayExist,
			Set<String> created, boolean report) {
		String serverPath = report ? this.connection.toServer(path) : path;
		window.submit(() -> zooKeeper.create(serverPath, data, this.connection.aclFor(serverPath, null),
				CreateMode.PERSISTENT, (rc, p, ctx, name) -> {
					if (rc == KeeperException.Code.OK.intValue()) {
						if (report) {
							created.add(path);
						}
					}
					else if (!(mayExist && rc == KeeperException.Code.NODEEXISTS.intValue())) {
						window.fail(rc, path);
					}
					window.complete();
				}, null));
	}

	private List<String> namespaceAncestors() {
		String top = this.connection.toServer(ZkPath.ROOT);
		List<String> ancestors = new ArrayList<>();
		for (String path = top; !ZkPath.ROOT.equals(path); path = ZkPath.parent(path)) {
			ancestors.add(0, path);
		}
		return ancestors;
	}

}
