package io.zkboot.coordination;

import java.time.Instant;

/**
 * A lock, read or write lock, or semaphore lease this application holds, as
 * {@link ZkLocks#held()} and the {@code zkcoordination} endpoint list it.
 *
 * @param path the lock's (or semaphore's) path
 * @param kind {@code lock}, {@code read}, {@code write}, {@code semaphore}, or {@code election} (the
 * lock of an election this instance leads)
 * @param node the node that stands for the hold
 * @param thread the name of the holding thread
 * @param since when it was acquired
 * @param state what is known of it now
 * @param releasing whether the holder has let go and the node is only kept until a minimum
 * hold time has passed ({@code @ZkLocked(holdAtLeast = ...)})
 */
public record ZkHeldLock(String path, String kind, String node, String thread, Instant since, ZkLockState state,
		boolean releasing) {
}
