package io.zkboot.actuate;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zkboot.client.ZkConnectionState;
import io.zkboot.client.ZkConnectionStateEvent;
import io.zkboot.client.ZkConnectionStateTracker;

import org.springframework.context.ApplicationListener;

/**
 * Connection metrics:
 * <ul>
 * <li>{@code zk.connection.state} (gauge, tag {@code state}): 1 for the current state, 0 for
 * the others;</li>
 * <li>{@code zk.connection.state.changes} (counter, tag {@code state}): changes into each
 * state;</li>
 * <li>{@code zk.session.expirations} (counter): sessions lost.</li>
 * </ul>
 */
public class ZkConnectionMetrics implements MeterBinder, ApplicationListener<ZkConnectionStateEvent> {

	private final ZkConnectionStateTracker states;

	private final Map<ZkConnectionState, Counter> changes = new EnumMap<>(ZkConnectionState.class);

	private Counter expirations;

	/**
	 * Create the metrics.
	 * @param states the tracker whose state the gauge reads
	 */
	public ZkConnectionMetrics(ZkConnectionStateTracker states) {
		this.states = states;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ZkConnectionState state : ZkConnectionState.values()) {
			Gauge.builder("zk.connection.state", this.states, (tracker) -> (tracker.getState() == state) ? 1 : 0)
				.tag("state", state.name())
				.description("Whether the ZooKeeper connection is in this state (1) or not (0)")
				.register(registry);
			this.changes.put(state,
					Counter.builder("zk.connection.state.changes")
						.tag("state", state.name())
						.description("Changes of the ZooKeeper connection into this state")
						.register(registry));
		}
		this.expirations = Counter.builder("zk.session.expirations")
			.description("ZooKeeper sessions lost (expired or not recoverable)")
			.register(registry);
	}

	@Override
	public void onApplicationEvent(ZkConnectionStateEvent event) {
		Counter counter = this.changes.get(event.getState());
		if (counter != null) {
			counter.increment();
		}
		if (event.getState() == ZkConnectionState.LOST && this.expirations != null) {
			this.expirations.increment();
		}
	}

}
