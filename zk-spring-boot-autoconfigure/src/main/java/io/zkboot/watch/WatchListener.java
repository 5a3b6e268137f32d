package io.zkboot.watch;

/**
 * Told what a {@link NodeWatch} read: once when it starts, then after every change, one call
 * at a time, in order, on a thread of the watch pool.
 */
@FunctionalInterface
public interface WatchListener {

	/**
	 * Receives the current state of the watched node.
	 * @param snapshot what was read
	 * @return {@code false} to stop watching, {@code true} to go on
	 */
	boolean onChange(NodeSnapshot snapshot);

}
