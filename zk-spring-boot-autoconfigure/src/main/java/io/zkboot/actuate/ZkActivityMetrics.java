package io.zkboot.actuate;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zkboot.watch.WatchDeliveries;
import io.zkboot.watch.WatchKind;

/**
 * Metrics of what the application does with ZooKeeper beyond single operations:
 * <ul>
 * <li>{@code zk.watch.deliveries} (counter, tag {@code kind}): calls of {@code @ZkWatch}
 * methods;</li>
 * <li>{@code zk.watch.delay} (timer): from a node's change (its modification time) to the end
 * of the {@code @ZkWatch} call it caused;</li>
 * <li>{@code zk.tree.nodes} (counter, tag {@code change}: added, updated, deleted): nodes
 * changed by tree imports;</li>
 * <li>{@code zk.registrations} (counter): service instance nodes registered (one per
 * address).</li>
 * </ul>
 * Tree imports and exports are also timed as {@code zk.operation} ({@code importTree},
 * {@code exportTree}).
 */
public class ZkActivityMetrics implements MeterBinder, WatchDeliveries {

	private MeterRegistry registry;

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void delivered(String path, WatchKind kind, Duration delay) {
		MeterRegistry meters = this.registry;
		if (meters == null) {
			return;
		}
		Counter.builder("zk.watch.deliveries")
			.tag("kind", kind.name().toLowerCase())
			.description("Calls of @ZkWatch methods")
			.register(meters)
			.increment();
		if (delay != null) {
			Timer.builder("zk.watch.delay")
				.description("From a node's change to the end of the @ZkWatch call it caused")
				.register(meters)
				.record(delay);
		}
	}

	/**
	 * Count the nodes a tree import changed.
	 * @param added nodes created
	 * @param updated nodes whose properties changed
	 * @param deleted nodes trimmed
	 */
	public void imported(int added, int updated, int deleted) {
		MeterRegistry meters = this.registry;
		if (meters == null) {
			return;
		}
		count(meters, "added", added);
		count(meters, "updated", updated);
		count(meters, "deleted", deleted);
	}

	/**
	 * Count a registration of a service instance.
	 * @param nodes the nodes created for it (one per address)
	 */
	public void registered(int nodes) {
		MeterRegistry meters = this.registry;
		if (meters != null) {
			Counter.builder("zk.registrations")
				.description("Service instance nodes registered")
				.register(meters)
				.increment(nodes);
		}
	}

	private static void count(MeterRegistry meters, String change, int nodes) {
		Counter.builder("zk.tree.nodes")
			.tag("change", change)
			.description("Nodes changed by tree imports")
			.register(meters)
			.increment(nodes);
	}

}
