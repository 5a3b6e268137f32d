package io.zkboot.config;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.EventListener;

/**
 * A test bean that keeps the configuration events the application published.
 */
class ConfigEvents {

	final List<ZkConfigChangedEvent> changes = new CopyOnWriteArrayList<>();

	final List<ZkConfigErrorEvent> errors = new CopyOnWriteArrayList<>();

	@EventListener
	void on(ApplicationEvent event) {
		if (event instanceof ZkConfigChangedEvent change) {
			this.changes.add(change);
		}
		if (event instanceof ZkConfigErrorEvent error) {
			this.errors.add(error);
		}
	}

}
