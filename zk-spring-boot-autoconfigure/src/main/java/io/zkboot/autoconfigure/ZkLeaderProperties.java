package io.zkboot.autoconfigure;

import java.time.Duration;

import io.zkboot.coordination.ZkRevokePolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's own leader election, bound from {@code zk.leader.*}.
 */
@ConfigurationProperties("zk.leader")
public class ZkLeaderProperties {

	/**
	 * Whether the application takes part in a leader election (the ZkLeaderElection bean;
	 * @ZkLeaderOnly lifecycle beans run only while it leads).
	 */
	private boolean enabled = false;

	/**
	 * Path of the election. Defaults to /leaders/{spring.application.name}, or
	 * /leaders/application when that is not set.
	 */
	private @Nullable String path;

	/**
	 * When a leader whose connection is in trouble stops leading: on SUSPENDED (safe), or
	 * only once the session is LOST.
	 */
	private ZkRevokePolicy revokeOn = ZkRevokePolicy.SUSPENDED;

	/**
	 * Whether to give leadership up, and stay out of the election, while the application's
	 * health is DOWN (actuator) or its registration is OUT_OF_SERVICE.
	 */
	private boolean yieldWhenUnhealthy = true;

	/**
	 * How often health and registration status are checked for yieldWhenUnhealthy.
	 */
	private Duration healthCheckInterval = Duration.ofSeconds(5);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getPath() {
		return this.path;
	}

	public void setPath(@Nullable String path) {
		this.path = path;
	}

	public ZkRevokePolicy getRevokeOn() {
		return this.revokeOn;
	}

	public void setRevokeOn(ZkRevokePolicy revokeOn) {
		this.revokeOn = revokeOn;
	}

	public boolean isYieldWhenUnhealthy() {
		return this.yieldWhenUnhealthy;
	}

	public void setYieldWhenUnhealthy(boolean yieldWhenUnhealthy) {
		this.yieldWhenUnhealthy = yieldWhenUnhealthy;
	}

	public Duration getHealthCheckInterval() {
		return this.healthCheckInterval;
	}

	public void setHealthCheckInterval(Duration healthCheckInterval) {
		this.healthCheckInterval = healthCheckInterval;
	}

}
