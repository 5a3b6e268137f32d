package io.zkboot.watch;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Told of every call of a {@link ZkWatch @ZkWatch} method, for metrics. A bean of this type
 * is picked up when watching starts.
 */
@FunctionalInterface
public interface WatchDeliveries {

	/**
	 * A watch method was called.
	 * @param path the watched path
	 * @param kind data or children
	 * @param delay from the node's change (its modification time, as the server recorded it)
	 * to the end of the call; null for the first call and for children watches, whose changes
	 * carry no time
	 */
	void delivered(String path, WatchKind kind, @Nullable Duration delay);

}
