package io.zkboot.client;

/**
 * The states of the connection to ZooKeeper, with kazoo's meaning.
 */
public enum ZkConnectionState {

	/**
	 * Connected with a new session: the first connection, or the first one after
	 * {@link #LOST}. Ephemeral nodes and watches of an earlier session are gone.
	 */
	CONNECTED,

	/**
	 * The connection dropped; the session may still be alive. Wait before acting on what
	 * ZooKeeper said last.
	 */
	SUSPENDED,

	/**
	 * The same session came back after {@link #SUSPENDED}: ephemeral nodes and watches
	 * are intact.
	 */
	RECONNECTED,

	/**
	 * The session is gone (expired, or not recoverable within the session timeout). Also
	 * the state before the first connection.
	 */
	LOST,

	/**
	 * Connected to a server in read-only mode (cut off from its quorum): reads answer,
	 * writes fail.
	 */
	READ_ONLY;

	/**
	 * Whether the client can talk to a server in this state.
	 * @return true for CONNECTED, RECONNECTED and READ_ONLY
	 */
	public boolean isConnected() {
		return this == CONNECTED || this == RECONNECTED || this == READ_ONLY;
	}

}
