package io.zkboot.sample.events;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sample/events}: the connection-state events seen, oldest first.
 */
@RestController
class EventsController {

	private final ConnectionEvents events;

	EventsController(ConnectionEvents events) {
		this.events = events;
	}

	@GetMapping("/sample/events")
	List<ConnectionEvents.Seen> events() {
		return this.events.seen();
	}

}
