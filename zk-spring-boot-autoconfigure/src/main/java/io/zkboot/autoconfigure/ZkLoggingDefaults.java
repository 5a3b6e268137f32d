package io.zkboot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Quiet log levels for ZooKeeper and Curator, as Spring Boot has for other chatty libraries:
 * their INFO lines (dozens per client and per embedded-server start, one per health check's
 * four-letter word) are off, and so are the stack traces logged on every failed connection
 * attempt (the reason is in the startup's own warning or failure). The levels are defaults, in
 * a property source of the lowest precedence: any {@code logging.level.*} of the application
 * wins.
 */
class ZkLoggingDefaults implements EnvironmentPostProcessor {

	/** The name of the property source holding the defaults. */
	static final String PROPERTY_SOURCE_NAME = "zkLoggingDefaults";

	private static final Map<String, Object> LEVELS = levels();

	private static Map<String, Object> levels() {
		Map<String, Object> levels = new LinkedHashMap<>();
		levels.put("logging.level.org.apache.zookeeper", "WARN");
		// a warning with a stack trace per failed connection attempt
		levels.put("logging.level.org.apache.zookeeper.ClientCnxn", "ERROR");
		// an error with a stack trace per attempt on a host that does not resolve
		levels.put("logging.level.org.apache.zookeeper.client.StaticHostProvider", "OFF");
		// "maxCnxns is not configured" at every (embedded) server start
		levels.put("logging.level.org.apache.zookeeper.server.ServerCnxnFactory", "ERROR");
		levels.put("logging.level.org.apache.curator", "WARN");
		return Map.copyOf(levels);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, LEVELS));
		}
	}

}
