package io.zkboot.discovery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.zkboot.core.InvalidNodeDataException;
import io.zkboot.core.NodeProperties;

/**
 * The properties of a registered instance's node, and how discovery reads them back.
 *
 * <p>A node is named {@code HOST:PORT} and holds, as compact JSON written by
 * {@link NodeProperties}:
 * <ul>
 * <li>{@value #PID}: the registering process's id (as zc.zk),</li>
 * <li>{@value #INSTANCE_ID}: the Spring Cloud instance id,</li>
 * <li>{@value #SCHEME}: {@code http} or {@code https},</li>
 * <li>{@value #SECURE}: whether the instance speaks https,</li>
 * <li>{@value #STATUS}: {@code UP} or {@code OUT_OF_SERVICE},</li>
 * <li>{@value #METADATA}: an object of the configured metadata,</li>
 * </ul>
 * and any property added by a {@link ZkRegisteringServerEvent} listener. Every key is
 * optional when reading: a zc.zk node holding only {@code pid} is an UP, plain-http
 * instance whose id is its node name. Properties other than the reserved ones (pid
 * included) are discovered as metadata, as text; entries of {@value #METADATA} win.
 */
public final class ZkInstanceCodec {

	/** The registering process's id. */
	public static final String PID = "pid";

	/** The instance id. */
	public static final String INSTANCE_ID = "instanceId";

	/** The URI scheme. */
	public static final String SCHEME = "scheme";

	/** Whether the instance speaks https. */
	public static final String SECURE = "secure";

	/** The instance status. */
	public static final String STATUS = "status";

	/** The metadata object. */
	public static final String METADATA = "metadata";

	private static final Set<String> RESERVED = Set.of(INSTANCE_ID, SCHEME, SECURE, STATUS, METADATA);

	private ZkInstanceCodec() {
	}

	/**
	 * The properties to store for a registration.
	 * @param registration the registration
	 * @param status its status
	 * @return a new mutable map in storage order
	 */
	public static Map<String, Object> properties(ZkRegistration registration, ZkInstanceStatus status) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(PID, ProcessHandle.current().pid());
		properties.put(INSTANCE_ID, registration.getInstanceId());
		properties.put(SCHEME, registration.getScheme());
		properties.put(SECURE, registration.isSecure());
		properties.put(STATUS, status.name());
		properties.put(METADATA, new LinkedHashMap<>(registration.getMetadata()));
		return properties;
	}

	/**
	 * Whether stored properties were written by this process for this instance.
	 * @param properties decoded node properties
	 * @param instanceId the instance id
	 * @return true when both the pid and the instance id are this process's
	 */
	public static boolean isOwnedBy(Map<String, Object> properties, String instanceId) {
		return properties.get(PID) instanceof Number pid && pid.longValue() == ProcessHandle.current().pid()
				&& instanceId.equals(properties.get(INSTANCE_ID));
	}

	/**
	 * Reads an instance in service from its node.
	 * @param serviceId the service the node belongs to
	 * @param nodeName the node's name, {@code HOST:PORT}
	 * @param data the node's data
	 * @return the instance, or empty when the name is not {@code HOST:PORT} or the
	 * stored {@value #STATUS} is other than {@code UP}, or when the data is invalid JSON
	 */
	public static Optional<ZkServiceInstance> discover(String serviceId, String nodeName, byte[] data) {
		Map<String, Object> properties;
		try {
			properties = NodeProperties.decode(data);
		}
		catch (InvalidNodeDataException unreadable) {
			return Optional.empty();
		}
		Object status = properties.get(STATUS);
		if (status != null && !ZkInstanceStatus.UP.name().equalsIgnoreCase(status.toString())) {
			return Optional.empty();
		}
		int colon = nodeName.lastIndexOf(':');
		if (colon <= 0) {
			return Optional.empty();
		}
		String host = stripBrackets(nodeName.substring(0, colon));
		int port;
		try {
			port = Integer.parseInt(nodeName.substring(colon + 1));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		if (port < 1 || port > 65535) {
			return Optional.empty();
		}
		Object scheme = properties.get(SCHEME);
		boolean secure = (properties.get(SECURE) instanceof Boolean flag) ? flag : "https".equals(scheme);
		String instanceId = (properties.get(INSTANCE_ID) instanceof String id) ? id : nodeName;
		return Optional.of(new ZkServiceInstance(instanceId, serviceId, host, port, secure,
				(scheme instanceof String name) ? name : (secure ? "https" : "http"), metadata(properties)));
	}

	private static Map<String, String> metadata(Map<String, Object> properties) {
		Map<String, String> metadata = new LinkedHashMap<>();
		properties.forEach((key, value) -> {
			if (!RESERVED.contains(key)) {
				metadata.put(key, text(value));
			}
		});
		if (properties.get(METADATA) instanceof Map<?, ?> stored) {
			stored.forEach((key, value) -> metadata.put(String.valueOf(key), text(value)));
		}
		return metadata;
	}

	private static String text(Object value) {
		return (value instanceof String string) ? string : NodeProperties.toJson(value);
	}

	private static String stripBrackets(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
