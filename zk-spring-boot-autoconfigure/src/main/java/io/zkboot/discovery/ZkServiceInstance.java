package io.zkboot.discovery;

import java.net.URI;
import java.util.Map;

import org.springframework.cloud.client.ServiceInstance;

/**
 * A discovered instance of a service, read from a {@code HOST:PORT} node.
 */
public final class ZkServiceInstance implements ServiceInstance {

	private final String instanceId;

	private final String serviceId;

	private final String host;

	private final int port;

	private final boolean secure;

	private final String scheme;

	private final Map<String, String> metadata;

	/**
	 * Create an instance.
	 * @param instanceId the stored instance id, or the node name when none is stored
	 * @param serviceId the service
	 * @param host the host, from the node name
	 * @param port the port, from the node name
	 * @param secure whether the instance speaks https
	 * @param scheme the URI scheme
	 * @param metadata the stored metadata and the node's other properties, as text
	 */
	public ZkServiceInstance(String instanceId, String serviceId, String host, int port, boolean secure,
			String scheme, Map<String, String> metadata) {
		this.instanceId = instanceId;
		this.serviceId = serviceId;
		this.host = host;
		this.port = port;
		this.secure = secure;
		this.scheme = scheme;
		this.metadata = Map.copyOf(metadata);
	}

	@Override
	public String getInstanceId() {
		return this.instanceId;
	}

	@Override
	public String getServiceId() {
		return this.serviceId;
	}

	@Override
	public String getHost() {
		return this.host;
	}

	@Override
	public int getPort() {
		return this.port;
	}

	@Override
	public boolean isSecure() {
		return this.secure;
	}

	@Override
	public String getScheme() {
		return this.scheme;
	}

	@Override
	public URI getUri() {
		String authority = this.host.contains(":") ? "[" + this.host + "]" : this.host;
		return URI.create(this.scheme + "://" + authority + ":" + this.port);
	}

	@Override
	public Map<String, String> getMetadata() {
		return this.metadata;
	}

	@Override
	public String toString() {
		return "ZkServiceInstance[" + this.serviceId + " " + this.instanceId + " " + getUri() + " " + this.metadata
				+ "]";
	}

}
