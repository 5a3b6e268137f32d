package io.zkboot.actuate;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zkboot.watch.WatchDeliveries;
import io.zkboot.watch.WatchKind;
import org.jspecify.annotations.Nullable;

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
 * Tree imports and exports are also timed as {@code zk.operation} ({@code import_tree},
 * {@code export_tree}). The meters are registered once, when bound; until then nothing is
 * counted.
 */
public class ZkActivityMetrics implements MeterBinder, WatchDeliveries {

	private volatile @Nullable Meters meters;

	@Override
	public void bindTo(MeterRegistry registry) {
		this.meters = new Meters(registry);
	}

	@Override
	public void delivered(String path, WatchKind kind, @Nullable Duration delay) {
		Meters bound = this.meters;
		if (bound == null) {
			return;
		}
		bound.deliveries.get(kind).increment();
		if (delay != null) {
			bound.delay.record(delay);
		}
	}

	/**
	 * Count the nodes a tree import changed.
	 * @param added nodes created
	 * @param updated nodes whose properties changed
	 * @param deleted nodes trimmed
	 */
	public void imported(int added, int updated, int deleted) {
		Meters bound = this.meters;
		if (bound != null) {
			bound.added.increment(added);
			bound.updated.increment(updated);
			bound.deleted.increment(deleted);
		}
	}

	/**
	 * Count a registration of a service instance.
	 * @param nodes the nodes created for it (one per address)
	 */
	public void registered(int nodes) {
		Meters bound = this.meters;
		if (bound != null) {
			bound.registrations.increment(nodes);
		}
	}

	/**
	 * The meters of one registry.
	 */
	private static final class Meters {

		private final Map<WatchKind, Counter> deliveries = new EnumMap<>(WatchKind.class);

		private final Timer delay;

		private final Counter added;

		private final Counter updated;

		private final Counter deleted;

		private final Counter registrations;

		Meters(MeterRegistry registry) {
			for (WatchKind kind : WatchKind.values()) {
				this.deliveries.put(kind, Counter.builder("zk.watch.deliveries")
					.tag("kind", kind.name().toLowerCase(Locale.ROOT))
					.description("Calls of @ZkWatch methods")
					.register(registry));
			}
			this.delay = Timer.builder("zk.watch.delay")
				.description("From a node's change to the end of the @ZkWatch call it caused")
				.register(registry);
			this.added = treeNodes(registry, "added");
			this.updated = treeNodes(registry, "updated");
			this.deleted = treeNodes(registry, "deleted");
			this.registrations = Counter.builder("zk.registrations")
				.description("Service instance nodes registered")
				.register(registry);
		}

		private static Counter treeNodes(MeterRegistry registry, String change) {
			return Counter.builder("zk.tree.nodes")
				.tag("change", change)
				.description("Nodes changed by tree imports")
				.register(registry);
		}

	}

}
