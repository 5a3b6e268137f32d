package io.zkboot.sample.watched;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sample/watched}: the watched path and what the {@code @ZkWatch} method received.
 */
@RestController
class WatchedController {

	private final WatchedNode watched;

	private final String path;

	WatchedController(WatchedNode watched, @Value("${sample.watched-path}") String path) {
		this.watched = watched;
		this.path = path;
	}

	@GetMapping("/sample/watched")
	Map<String, Object> watched() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("path", this.path);
		body.put("received", this.watched.received());
		return body;
	}

}
