package io.zkboot.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.zkboot.core.NodeProperties;
import io.zkboot.tree.TreeNode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * zc.zk's way of importing and exporting a tree: the same calls its {@code import_tree} and
 * {@code export_tree} make, one synchronous call at a time on the plain ZooKeeper client.
 */
final class OneCallAtATime {

	private final ZooKeeper zooKeeper;

	OneCallAtATime(ZooKeeper zooKeeper) {
		this.zooKeeper = zooKeeper;
	}

	/**
	 * Imports a parsed tree under a path as zc.zk does for new nodes: for each node, list the
	 * existing children of its parent (to find extra paths), check whether the node exists, and
	 * create it.
	 * @param tree the parsed text (an anonymous root)
	 * @param base the import path
	 * @return the number of nodes created
	 * @throws Exception when a call fails
	 */
	int importTree(TreeNode tree, String base) throws Exception {
		return visit(base, tree, true);
	}

	private int visit(String path, TreeNode node, boolean top) throws Exception {
		if (!top) {
			this.zooKeeper.getChildren(path, false);
		}
		int created = 0;
		for (TreeNode child : node.children().values()) {
			String childPath = path + "/" + child.name();
			if (this.zooKeeper.exists(childPath, false) == null) {
				this.zooKeeper.create(childPath, NodeProperties.encode(child.properties()), ZooDefs.Ids.OPEN_ACL_UNSAFE,
						CreateMode.PERSISTENT);
				created++;
			}
			created += visit(childPath, child, false);
		}
		return created;
	}

	/**
	 * Reads a subtree as zc.zk's export does: the children, then the data and Stat, of each
	 * node.
	 * @param path the top of the subtree
	 * @return the data of every node, in export order
	 * @throws Exception when a call fails
	 */
	List<byte[]> export(String path) throws Exception {
		List<byte[]> nodes = new ArrayList<>();
		read(path, nodes);
		return nodes;
	}

	private void read(String path, List<byte[]> nodes) throws Exception {
		List<String> children = new ArrayList<>(this.zooKeeper.getChildren(path, false));
		children.sort(null);
		nodes.add(this.zooKeeper.getData(path, false, new Stat()));
		for (String child : children) {
			read(path + "/" + child, nodes);
		}
	}

}
