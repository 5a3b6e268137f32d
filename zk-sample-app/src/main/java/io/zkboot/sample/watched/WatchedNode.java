package io.zkboot.sample.watched;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zkboot.watch.ZkWatch;

import org.springframework.stereotype.Component;

/**
 * Watches {@code sample.watched-path} with {@code @ZkWatch}: called at startup with the node's
 * properties and again on every change.
 */
@Component
public class WatchedNode {

	private final List<Received> received = new CopyOnWriteArrayList<>();

	@ZkWatch("${sample.watched-path}")
	void changed(Map<String, Object> properties) {
		this.received.add(new Received(properties, Instant.now()));
	}

	/**
	 * What the watch method received, oldest first.
	 * @return the values and when they arrived
	 */
	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/**
	 * One call of the watch method.
	 *
	 * @param properties the node's properties (empty when it did not exist)
	 * @param time when the call happened
	 */
	public record Received(Map<String, Object> properties, Instant time) {
	}

}
