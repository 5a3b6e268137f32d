package io.zkboot.watch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls a {@link ZkWatch @ZkWatch} method and tells {@link WatchDeliveries} of the call, with
 * the delay from the node's change (its modification time) to the end of the call for every
 * data call but the first.
 */
final class TimedDelivery implements WatchListener {

	private final WatchMethod method;

	private final WatchDeliveries deliveries;

	private final AtomicBoolean first = new AtomicBoolean(true);

	TimedDelivery(WatchMethod method, WatchDeliveries deliveries) {
		this.method = method;
		this.deliveries = deliveries;
	}

	@Override
	public boolean onChange(NodeSnapshot snapshot) {
		boolean goOn = this.method.onChange(snapshot);
		boolean timed = !this.first.getAndSet(false) && this.method.getKind() == WatchKind.DATA && snapshot.exists();
		Duration delay = timed
				? Duration.ofMillis(Math.max(0, System.currentTimeMillis() - snapshot.stat().getMtime())) : null;
		this.deliveries.delivered(this.method.getPath(), this.method.getKind(), delay);
		return goOn;
	}

}
