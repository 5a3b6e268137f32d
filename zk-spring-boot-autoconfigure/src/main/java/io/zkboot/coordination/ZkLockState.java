package io.zkboot.coordination;

/**
 * What a holder knows about a lock, lease or leadership it holds, as the connection to
 * ZooKeeper changes.
 */
public enum ZkLockState {

	/**
	 * Held: the contender node exists in the client's live session.
	 */
	HELD,

	/**
	 * The connection is SUSPENDED: the session may still be alive, so the node may still be
	 * there, but this process cannot know. Work that must not run twice should pause.
	 */
	IN_DOUBT,

	/**
	 * The session is gone (LOST), or the node was deleted: another contender may hold the lock
	 * now. Nothing is re-acquired on the holder's behalf; it must unlock and lock again.
	 */
	LOST

}
