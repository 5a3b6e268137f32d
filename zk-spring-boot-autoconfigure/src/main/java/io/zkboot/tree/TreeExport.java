package io.zkboot.tree;

import java.util.List;

import io.zkboot.core.NodeProperties;
import org.jspecify.annotations.Nullable;

/**
 * Builds the tree model of a ZooKeeper subtree from its node records, as zc.zk's
 * {@code export_tree} selects nodes: ephemeral nodes (and what is below them) are left out
 * unless asked for, the reserved {@code /zookeeper} node is left out when exporting the root,
 * and the top node can be given a new name.
 */
public final class TreeExport {

	private static final String RESERVED = "zookeeper";

	private TreeExport() {
	}

	/**
	 * Builds the model of the subtree at {@code path}.
	 *
	 * @param records   the records of (at least) the subtree, in any order
	 * @param path      the subtree's path; {@code /} exports every top-level node
	 * @param ephemeral whether to keep ephemeral nodes
	 * @param name      a new name for the top node, or {@code null}; when exporting {@code /},
	 *                  a name wraps all top-level nodes in a node of that name
	 * @return an anonymous root holding the exported node(s)
	 * @throws IllegalArgumentException if there is no record for {@code path}
	 */
	public static TreeNode model(List<NodeRecord> records, String path, boolean ephemeral, @Nullable String name) {
		NodeIndex index = new NodeIndex(records);
		TreeNode root = TreeNode.root();
		if (path.equals("/")) {
			TreeNode holder = name == null ? root : root.addChild(new TreeNode(name, null));
			index.children("").stream().filter(child -> !child.equals(RESERVED))
					.forEach(child -> add(index, holder, "/" + child, child, ephemeral));
			return root;
		}
		String key = NodeIndex.key(path);
		if (!index.exists(key)) {
			throw new IllegalArgumentException("no node " + path);
		}
		add(index, root, key, name == null ? key.substring(key.lastIndexOf('/') + 1) : name, ephemeral);
		return root;
	}

	private static void add(NodeIndex index, TreeNode parent, String path, String label, boolean ephemeral) {
		NodeRecord record = index.get(path);
		if (record.ephemeral() && !ephemeral) {
			return;
		}
		TreeNode node = parent.addChild(new TreeNode(label, null));
		NodeProperties.decode(path, record.data()).forEach((key, value) -> node.putProperty(key, value, null));
		index.children(path).forEach(child -> add(index, node, path + "/" + child, child, ephemeral));
	}
}
