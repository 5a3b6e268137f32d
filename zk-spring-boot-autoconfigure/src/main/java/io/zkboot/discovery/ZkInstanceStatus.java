package io.zkboot.discovery;

import java.util.Locale;

/**
 * The status of a registered instance, as set through the service-registry endpoint.
 * Only {@link #UP} instances are discovered.
 */
public enum ZkInstanceStatus {

	/**
	 * Serving: discovered and load-balanced to.
	 */
	UP,

	/**
	 * Registered but taken out of service: not discovered.
	 */
	OUT_OF_SERVICE;

	/**
	 * Reads a status name, ignoring case.
	 * @param name {@code UP} or {@code OUT_OF_SERVICE}
	 * @return the status
	 * @throws IllegalArgumentException for any other name
	 */
	public static ZkInstanceStatus parse(String name) {
		String normalized = (name != null) ? name.trim().toUpperCase(Locale.ROOT) : "";
		for (ZkInstanceStatus status : values()) {
			if (status.name().equals(normalized)) {
				return status;
			}
		}
		throw new IllegalArgumentException("Unknown instance status '" + name + "'; expected UP or OUT_OF_SERVICE");
	}

}
