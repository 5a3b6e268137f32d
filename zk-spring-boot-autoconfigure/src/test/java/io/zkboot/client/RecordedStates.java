package io.zkboot.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records connection-state events for tests, as an application would see them.
 */
public class RecordedStates implements ApplicationListener<ZkConnectionStateEvent> {

	private final BlockingQueue<ZkConnectionStateEvent> events = new LinkedBlockingQueue<>();

	private final List<ZkConnectionStateEvent> all = new ArrayList<>();

	@Override
	public void onApplicationEvent(ZkConnectionStateEvent event) {
		synchronized (this.all) {
			this.all.add(event);
		}
		this.events.add(event);
	}

	/**
	 * Wait for the next event and check its state.
	 * @param expected the state it must have
	 * @param timeout how long to wait
	 * @return the event
	 */
	public ZkConnectionStateEvent next(ZkConnectionState expected, Duration timeout) {
		ZkConnectionStateEvent event;
		try {
			event = this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		assertThat(event).as("a %s event within %s; seen so far %s", expected, timeout, all()).isNotNull();
		assertThat(event.getState()).as("state of %s; seen so far %s", event, all()).isEqualTo(expected);
		return event;
	}

	/**
	 * Wait until an event of the given state arrives, passing over others.
	 * @param expected the state to wait for
	 * @param timeout how long to wait in all
	 * @return the event
	 */
	public ZkConnectionStateEvent until(ZkConnectionState expected, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			ZkConnectionStateEvent event;
			try {
				event = this.events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
			assertThat(event).as("a %s event within %s; seen so far %s", expected, timeout, all()).isNotNull();
			if (event.getState() == expected) {
				return event;
			}
		}
	}

	/**
	 * Every event seen, oldest first.
	 * @return the events
	 */
	public List<ZkConnectionStateEvent> all() {
		synchronized (this.all) {
			return List.copyOf(this.all);
		}
	}

}
