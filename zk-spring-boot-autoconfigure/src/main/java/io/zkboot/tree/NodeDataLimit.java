package io.zkboot.tree;

import java.nio.charset.StandardCharsets;

import io.zkboot.core.NodeProperties;

/**
 * Checks, before anything is written, that every node of a parsed text can be stored: its
 * properties have a data form, and that data with the node's path fits in one request of at
 * most {@code jute.maxbuffer} bytes (ZooKeeper drops the connection for a larger one).
 */
final class NodeDataLimit {

	/** Room left in a request for its header, the path's length and the ACL. */
	static final int FRAMING = 1024;

	private final int maxPacket;

	private NodeDataLimit(int maxPacket) {
		this.maxPacket = maxPacket;
	}

	/**
	 * Checks every node of a text.
	 * @param tree the parsed text
	 * @param mountPath where its top-level nodes go
	 * @param maxPacket the largest request the server accepts ({@code jute.maxbuffer})
	 * @throws TreeSyntaxException naming the line of the first node that cannot be stored
	 */
	static void check(TreeNode tree, String mountPath, int maxPacket) {
		NodeDataLimit limit = new NodeDataLimit(maxPacket);
		String mount = NodeIndex.key(mountPath);
		tree.children().values().forEach((child) -> limit.visit(mount + "/" + child.name(), child));
	}

	private void visit(String path, TreeNode node) {
		Location line = node.location().orElseThrow();
		byte[] data;
		try {
			data = NodeProperties.encode(node.properties());
		}
		catch (IllegalArgumentException unwritable) {
			throw new TreeSyntaxException(node.propertyLocation(NodeProperties.STRING_VALUE).orElse(line),
					String.valueOf(unwritable.getMessage()));
		}
		int pathBytes = path.getBytes(StandardCharsets.UTF_8).length;
		if (data.length + pathBytes > this.maxPacket - FRAMING) {
			throw new TreeSyntaxException(line, "the data of " + path + " takes " + data.length
					+ " bytes; ZooKeeper accepts requests of at most jute.maxbuffer = " + this.maxPacket
					+ " bytes, which must also hold the path and " + FRAMING + " bytes of framing");
		}
		node.children().values().forEach((child) -> visit(path + "/" + child.name(), child));
	}

}
