package io.zkboot.watch;

/**
 * What a watch follows on its node.
 */
public enum WatchKind {

	/** The node's data and stat, as kazoo's {@code DataWatch}. */
	DATA,

	/** The names of the node's children, as kazoo's {@code ChildrenWatch}. */
	CHILDREN

}
