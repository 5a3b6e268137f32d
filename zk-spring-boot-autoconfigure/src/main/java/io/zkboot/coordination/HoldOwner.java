package io.zkboot.coordination;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What holds are taken on, a lock or a semaphore: its path, the identifier its nodes store, and
 * the listeners told when a hold changes state with the connection.
 */
abstract class HoldOwner {

	private final List<ZkLockListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * The path whose children stand for the holds.
	 * @return the path
	 */
	public abstract String path();

	/**
	 * What this owner's nodes store: kazoo's identifier.
	 * @return the identifier
	 */
	public abstract String identifier();

	/**
	 * Be told when a hold changes state with the connection.
	 * @param listener the listener
	 */
	public void addListener(ZkLockListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Stop telling a listener.
	 * @param listener the listener
	 */
	public void removeListener(ZkLockListener listener) {
		this.listeners.remove(listener);
	}

	final void stateChanged(Hold hold, ZkLockState state) {
		for (ZkLockListener listener : this.listeners) {
			listener.stateChanged(path(), hold.thread, state);
		}
	}

}
