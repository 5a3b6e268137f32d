package io.zkboot.tree;

import io.zkboot.core.ZkNode;
import org.jspecify.annotations.Nullable;

/**
 * One node as read from ZooKeeper: its path, data and ephemeral owner (from its Stat). A list
 * of these, for a whole subtree, is what export and import planning work from.
 *
 * @param path           the absolute path ({@code /} for the root)
 * @param data           the node data, may be {@code null}
 * @param ephemeralOwner the session owning the node if it is ephemeral, else 0
 */
public record NodeRecord(String path, byte @Nullable [] data, long ephemeralOwner) {

	/**
	 * Takes the record of a node read by {@code ZkTemplate}.
	 *
	 * @param node the node, with its Stat
	 * @return its path, data and ephemeral owner
	 */
	public static NodeRecord of(ZkNode node) {
		return new NodeRecord(node.path(), node.data(), node.stat().getEphemeralOwner());
	}

	/**
	 * Tells whether the node is ephemeral.
	 *
	 * @return {@code true} if a session owns the node
	 */
	public boolean ephemeral() {
		return ephemeralOwner != 0;
	}
}
