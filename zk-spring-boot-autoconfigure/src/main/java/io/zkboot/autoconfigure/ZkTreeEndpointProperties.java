package io.zkboot.autoconfigure;

import java.util.HashSet;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code zktree} endpoint, as Spring Boot configures {@code env}.
 */
@ConfigurationProperties("management.endpoint.zktree")
public class ZkTreeEndpointProperties {

	/**
	 * When to show node property values unmasked: never, when-authorized or always.
	 */
	private Show showValues = Show.NEVER;

	/**
	 * Roles used to decide whether a user may see unmasked values (when-authorized). When
	 * empty, any authenticated user may.
	 */
	private final Set<String> roles = new HashSet<>();

	public Show getShowValues() {
		return this.showValues;
	}

	public void setShowValues(Show showValues) {
		this.showValues = showValues;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

}
