package io.zkboot.client;

import org.springframework.context.ApplicationEvent;

/**
 * Published on every change of the connection to ZooKeeper.
 */
public class ZkConnectionStateEvent extends ApplicationEvent {

	private final ZkConnectionState state;

	private final ZkConnectionState previousState;

	private final long sessionId;

	/**
	 * Create an event.
	 * @param source the client whose connection changed
	 * @param state the new state
	 * @param previousState the state before; {@link ZkConnectionState#LOST} before the
	 * first connection
	 * @param sessionId the session the state refers to: the new session for CONNECTED,
	 * the lost one for LOST; 0 when none is known
	 */
	public ZkConnectionStateEvent(Object source, ZkConnectionState state, ZkConnectionState previousState,
			long sessionId) {
		super(source);
		this.state = state;
		this.previousState = previousState;
		this.sessionId = sessionId;
	}

	/**
	 * The new state.
	 * @return the state
	 */
	public ZkConnectionState getState() {
		return this.state;
	}

	/**
	 * The state before this change.
	 * @return the previous state
	 */
	public ZkConnectionState getPreviousState() {
		return this.previousState;
	}

	/**
	 * The session id the state refers to.
	 * @return the session id, 0 when none is known
	 */
	public long getSessionId() {
		return this.sessionId;
	}

	/**
	 * The session id as ZooKeeper prints it.
	 * @return for example {@code 0x1000a2b3c4d0000}
	 */
	public String getSessionIdHex() {
		return "0x" + Long.toHexString(this.sessionId);
	}

	@Override
	public String toString() {
		return "ZkConnectionStateEvent[" + this.previousState + " -> " + this.state + ", session " + getSessionIdHex()
				+ "]";
	}

}
