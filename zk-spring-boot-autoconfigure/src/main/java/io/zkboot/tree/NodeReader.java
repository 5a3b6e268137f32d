package io.zkboot.tree;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zkboot.core.NodeProperties;

/**
 * Reads node properties by path: what link resolution and link checks need, whether the nodes
 * are in ZooKeeper, in a list of node records, or in a parsed tree.
 */
@FunctionalInterface
public interface NodeReader {

	/**
	 * Reads the properties of a node.
	 *
	 * @param path an absolute path ({@code /} for the root)
	 * @return the decoded properties, or empty if there is no such node
	 */
	Optional<Map<String, Object>> properties(String path);

	/**
	 * Tells whether a node exists.
	 *
	 * @param path an absolute path
	 * @return whether there is such a node
	 */
	default boolean exists(String path) {
		return properties(path).isPresent();
	}

	/**
	 * Reads nodes from node records (as read from ZooKeeper).
	 *
	 * @param records the records
	 * @return a reader over them
	 */
	static NodeReader forRecords(List<NodeRecord> records) {
		NodeIndex index = new NodeIndex(records);
		return path -> Optional.ofNullable(index.get(NodeIndex.key(path))).map(r -> NodeProperties.decode(r.path(), r.data()));
	}

	/**
	 * Reads the nodes of a parsed tree as they will be once imported under {@code mountPath};
	 * the mount path and its ancestors exist with no properties, nothing else exists.
	 *
	 * @param tree      a parsed tree (an anonymous root)
	 * @param mountPath the import path
	 * @return a reader over the tree
	 */
	static NodeReader forTree(TreeNode tree, String mountPath) {
		String mount = NodeIndex.key(mountPath);
		return forTree(tree, mountPath, path -> {
			String key = NodeIndex.key(path);
			return mount.equals(key) || mount.startsWith(key + "/") ? Optional.of(Map.of()) : Optional.empty();
		});
	}

	/**
	 * Reads the nodes of a parsed tree as they will be once imported under {@code mountPath},
	 * and every other path from {@code outside} (for example ZooKeeper).
	 *
	 * @param tree      a parsed tree (an anonymous root)
	 * @param mountPath the import path
	 * @param outside   the reader for paths that are not nodes of the tree
	 * @return a reader over the tree and the outside
	 */
	static NodeReader forTree(TreeNode tree, String mountPath, NodeReader outside) {
		return new TreeNodeReader(tree, NodeIndex.key(mountPath), outside);
	}
}
