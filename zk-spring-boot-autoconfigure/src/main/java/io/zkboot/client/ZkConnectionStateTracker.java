package io.zkboot.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;

/**
 * Follows a Curator client's connection and turns Curator's states into
 * {@link ZkConnectionStateEvent}s with kazoo's meaning: a connection with a session id
 * other than the last one is {@link ZkConnectionState#CONNECTED}, the same session coming
 * back is {@link ZkConnectionState#RECONNECTED}.
 * <p>
 * Events are held back until {@link #open()} is called (once the application's listeners
 * exist) and then delivered in order.
 */
public class ZkConnectionStateTracker implements ConnectionStateListener {

	private static final Log logger = LogFactory.getLog(ZkConnectionStateTracker.class);

	private final CuratorFramework client;

	private final Consumer<ZkConnectionStateEvent> publisher;

	private final List<ZkConnectionStateEvent> heldBack = new ArrayList<>();

	private boolean open;

	private ZkConnectionState state = ZkConnectionState.LOST;

	private long sessionId;

	/**
	 * Start following the client. When it is already connected, a CONNECTED event is
	 * recorded at once.
	 * @param client the client
	 * @param publisher receives the events, in order, on Curator's event thread
	 */
	public ZkConnectionStateTracker(CuratorFramework client, Consumer<ZkConnectionStateEvent> publisher) {
		this.client = client;
		this.publisher = publisher;
		client.getConnectionStateListenable().addListener(this);
		if (client.getZookeeperClient().isConnected()) {
			record(ZkConnectionState.CONNECTED, currentSessionId());
		}
	}

	@Override
	public void stateChanged(CuratorFramework client, ConnectionState newState) {
		switch (newState) {
			case CONNECTED -> firstConnection();
			case RECONNECTED -> connected(currentSessionId());
			case READ_ONLY -> record(ZkConnectionState.READ_ONLY, currentSessionId());
			case SUSPENDED, LOST -> disconnected(newState);
		}
	}

	/**
	 * Curator reports failed attempts before any connection as SUSPENDED (and LOST once the
	 * session timeout has passed); with no session yet, nothing was suspended or lost, and the
	 * state stays LOST so that the first connection reads {@code LOST -> CONNECTED}.
	 */
	private synchronized void disconnected(ConnectionState newState) {
		if (this.state == ZkConnectionState.LOST) {
			// no session yet, or the last one is gone: until a new one connects, Curator's further
			// SUSPENDED and LOST reports are about nothing this application still has
			return;
		}
		record((newState == ConnectionState.SUSPENDED) ? ZkConnectionState.SUSPENDED : ZkConnectionState.LOST,
				this.sessionId);
	}

	/**
	 * Curator reports CONNECTED once, for the client's first connection; the constructor may
	 * have recorded that connection already, and Curator's event may arrive late (after the
	 * session has changed), so it counts only when no connection was recorded yet.
	 */
	private synchronized void firstConnection() {
		if (this.sessionId == 0) {
			connected(currentSessionId());
		}
	}

	private synchronized void connected(long id) {
		boolean sameSession = id != 0 && id == this.sessionId;
		if (sameSession && (this.state == ZkConnectionState.CONNECTED || this.state == ZkConnectionState.RECONNECTED)) {
			// already known as connected in this session (the tracker saw it before Curator said so)
			return;
		}
		boolean resumed = sameSession && this.state != ZkConnectionState.LOST;
		record(resumed ? ZkConnectionState.RECONNECTED : ZkConnectionState.CONNECTED, id);
	}

	private synchronized void record(ZkConnectionState newState, long newSessionId) {
		if (newState == this.state && newSessionId == this.sessionId) {
			return;
		}
		ZkConnectionStateEvent event = new ZkConnectionStateEvent(this.client, newState, this.state, newSessionId);
		this.state = newState;
		this.sessionId = newSessionId;
		logger.info("ZooKeeper connection " + event.getPreviousState() + " -> " + newState + " (session "
				+ event.getSessionIdHex() + ")");
		if (this.open) {
			this.publisher.accept(event);
		}
		else {
			this.heldBack.add(event);
		}
	}

	/**
	 * Deliver the held-back events and every later one as it happens.
	 */
	public synchronized void open() {
		this.open = true;
		this.heldBack.forEach(this.publisher);
		this.heldBack.clear();
	}

	/**
	 * Stop following the client.
	 */
	public void close() {
		this.client.getConnectionStateListenable().removeListener(this);
	}

	/**
	 * The current state.
	 * @return the state; LOST before the first connection
	 */
	public synchronized ZkConnectionState getState() {
		return this.state;
	}

	/**
	 * The id of the current (or, when LOST, the last) session.
	 * @return the session id, 0 before the first connection
	 */
	public synchronized long getSessionId() {
		return this.sessionId;
	}

	private long currentSessionId() {
		try {
			return this.client.getZookeeperClient().getZooKeeper().getSessionId();
		}
		catch (Exception ex) {
			return 0;
		}
	}

}
