package io.zkboot.core;

/**
 * A node that a recursive delete left in place, and why.
 *
 * @param path the node's path
 * @param reason why it was spared
 */
public record SparedNode(String path, Reason reason) {

	/** Why a recursive delete spared a node. */
	public enum Reason {

		/** The node is ephemeral (and the delete was not forced). */
		EPHEMERAL,

		/** An ephemeral node lies somewhere below it. */
		EPHEMERAL_DESCENDANT

	}

}
