package io.zkboot.config;

import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerGroup;
import org.springframework.boot.logging.LoggerGroups;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Sets the level of a logger when a {@code logging.level.*} name changes in a ZooKeeper
 * node, through Boot's {@link LoggingSystem}, as Spring Cloud's {@code LoggingRebinder} does
 * (but without Spring Cloud): {@code logging.level.<logger>} and
 * {@code logging.level.<group>} for Boot's logger groups ({@code logging.group.*},
 * {@code web}, {@code sql}). A name removed from the environment resets the logger to inherit
 * its parent's level (the root logger to {@code INFO}, Boot's default), as a fresh start
 * would.
 */
public class ZkLoggingRebinder implements ApplicationListener<ZkConfigChangedEvent>, Ordered {

	private static final Log logger = LogFactory.getLog(ZkLoggingRebinder.class);

	private static final String PREFIX = "logging.level.";

	private final LoggingSystem loggingSystem;

	private final @Nullable LoggerGroups groups;

	private final Environment environment;

	/**
	 * Creates the rebinder.
	 * @param loggingSystem Boot's logging system
	 * @param groups Boot's logger groups, may be {@code null}
	 * @param environment the environment holding the levels
	 */
	public ZkLoggingRebinder(LoggingSystem loggingSystem, @Nullable LoggerGroups groups, Environment environment) {
		this.loggingSystem = loggingSystem;
		this.groups = groups;
		this.environment = environment;
	}

	@Override
	public void onApplicationEvent(ZkConfigChangedEvent event) {
		event.getKeys()
			.stream()
			.filter((key) -> key.startsWith(PREFIX) && key.length() > PREFIX.length())
			.forEach(this::setLevel);
	}

	private void setLevel(String key) {
		String name = key.substring(PREFIX.length());
		String value = this.environment.getProperty(key);
		try {
			LogLevel level = (value != null) ? level(value) : null;
			LoggerGroup group = (this.groups != null) ? this.groups.get(name) : null;
			if (group != null && group.hasMembers()) {
				group.configureLogLevel(level, this.loggingSystem::setLogLevel);
			}
			else if ("root".equalsIgnoreCase(name)) {
				this.loggingSystem.setLogLevel(null, (level != null) ? level : LogLevel.INFO);
			}
			else {
				this.loggingSystem.setLogLevel(name, level);
			}
		}
		catch (RuntimeException ex) {
			logger.error("Cannot set the level of logger '" + name + "' to '" + value + "' (" + key + ")");
		}
	}

	private LogLevel level(String value) {
		String level = this.environment.resolvePlaceholders(value).strip();
		return "false".equalsIgnoreCase(level) ? LogLevel.OFF : LogLevel.valueOf(level.toUpperCase(Locale.ENGLISH));
	}

	/**
	 * Before the application's listeners, so that they see the new levels.
	 * @return the highest precedence
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
