package io.zkboot.tree;

import java.util.Map;
import java.util.Optional;

/** Reads the nodes of a parsed tree mounted at a path, and other paths from another reader. */
final class TreeNodeReader implements NodeReader {

	private final TreeNode tree;

	private final String mount;

	private final NodeReader outside;

	TreeNodeReader(TreeNode tree, String mount, NodeReader outside) {
		this.tree = tree;
		this.mount = mount;
		this.outside = outside;
	}

	@Override
	public Optional<Map<String, Object>> properties(String path) {
		String key = NodeIndex.key(path);
		if (key.startsWith(mount + "/")) {
			TreeNode node = tree;
			for (String name : key.substring(mount.length() + 1).split("/", -1)) {
				node = node.child(name).orElse(null);
				if (node == null) {
					return outside.properties(path);
				}
			}
			return Optional.of(node.properties());
		}
		return outside.properties(path);
	}
}
