package io.zkboot.coordination;

/**
 * Told when what a thread holds changes state with the connection: {@link ZkLockState#IN_DOUBT}
 * on SUSPENDED, {@link ZkLockState#HELD} again when the same session comes back,
 * {@link ZkLockState#LOST} when the session is gone. Called on a coordination thread, never on
 * the holder's; keep it short.
 */
@FunctionalInterface
public interface ZkLockListener {

	/**
	 * The hold of {@code holder} on the lock at {@code path} changed state.
	 * @param path the lock's path
	 * @param holder the thread that holds it (or held it, for LOST)
	 * @param state the new state
	 */
	void stateChanged(String path, Thread holder, ZkLockState state);

}
