package io.zkboot.actuate;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zkboot.client.ZkConnectionState;
import io.zkboot.client.ZkConnectionStateEvent;
import io.zkboot.client.ZkConnectionStateTracker;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;

/**
 * Connection metrics:
 * <ul>
 * <li>{@code zk.connection.state} (gauge, tag {@code state}): 1 for the current state, 0 for
 * the others;</li>
 * <li>{@code zk.connection.changes} (counter, tag {@code state}): changes into each
 * state;</li>
 * <li>{@code zk.session.expirations} (counter): sessions lost.</li>
 * </ul>
 * No name is a prefix of another (hierarchical back ends such as JMX or Graphite would make a
 * meter and a folder of one name), and the {@code state} values are in lower case
 * ({@code connected}, {@code suspended}, {@code reconnected}, {@code lost}, {@code read_only}).
 */
public class ZkConnectionMetrics implements MeterBinder, ApplicationListener<ZkConnectionStateEvent> {

	private final ZkConnectionStateTracker states;

	private final Map<ZkConnectionState, Counter> changes = new EnumMap<>(ZkConnectionState.class);

	private @Nullable Counter expirations;

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
				.tag("state", tagValue(state))
				.description("Whether the ZooKeeper connection is in this state (1) or not (0)")
				.register(registry);
			this.changes.put(state,
					Counter.builder("zk.connection.changes")
						.tag("state", tagValue(state))
						.description("Changes of the ZooKeeper connection into this state")
						.register(registry));
		}
		this.expirations = Counter.builder("zk.session.expirations")
			.description("ZooKeeper sessions lost (expired or not recoverable)")
			.register(registry);
	}

	private static String tagValue(ZkConnectionState state) {
		return state.name().toLowerCase(Locale.ROOT);
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
