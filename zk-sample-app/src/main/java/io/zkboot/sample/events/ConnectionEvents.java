package io.zkboot.sample.events;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zkboot.client.ZkConnectionState;
import io.zkboot.client.ZkConnectionStateEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Listens to connection-state events, logs each and keeps them for {@code /sample/events}.
 */
@Component
public class ConnectionEvents {

	private static final Log logger = LogFactory.getLog(ConnectionEvents.class);

	private final List<Seen> seen = new CopyOnWriteArrayList<>();

	@EventListener
	void onConnectionStateChange(ZkConnectionStateEvent event) {
		logger.info("Sample app sees ZooKeeper " + event.getState() + " (was " + event.getPreviousState()
				+ ", session " + event.getSessionIdHex() + ")");
		this.seen.add(new Seen(event.getState(), event.getPreviousState(), event.getSessionIdHex(),
				Instant.ofEpochMilli(event.getTimestamp())));
	}

	/**
	 * The events seen, oldest first.
	 * @return the events
	 */
	public List<Seen> seen() {
		return List.copyOf(this.seen);
	}

	/**
	 * One connection-state event as the sample shows it.
	 *
	 * @param state the new state
	 * @param previousState the state before
	 * @param sessionId the session id, hexadecimal
	 * @param time when it happened
	 */
	public record Seen(ZkConnectionState state, ZkConnectionState previousState, String sessionId, Instant time) {
	}

}
