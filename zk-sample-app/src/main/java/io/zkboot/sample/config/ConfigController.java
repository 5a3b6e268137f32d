package io.zkboot.sample.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sample/config}: the bound settings' current values and the node they come from.
 */
@RestController
class ConfigController {

	private final SampleSettings settings;

	ConfigController(SampleSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/sample/config")
	Map<String, Object> config() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("greeting", this.settings.getGreeting());
		values.put("maxConnections", this.settings.getMaxConnections());
		values.put("features", this.settings.getFeatures());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("node", SampleSettings.NODE);
		body.put("values", values);
		return body;
	}

}
