package io.zkboot.discovery;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.serviceregistry.Registration;

/**
 * What this application registers: a service instance reachable at one or more hosts on
 * one port, registered under a providers path as one ephemeral node per host, named
 * {@code HOST:PORT}.
 */
public class ZkRegistration implements Registration {

	private final String serviceId;

	private final String instanceId;

	private final String path;

	private final List<String> hosts;

	private volatile int port;

	private final boolean secure;

	private final Map<String, String> metadata;

	/**
	 * Create a registration.
	 * @param serviceId the service this instance provides
	 * @param instanceId the id of this instance, unique within the service
	 * @param path the providers path the nodes are created under (resolved through
	 * symbolic links when registering)
	 * @param hosts the addresses this instance is reachable at, at least one
	 * @param port the port, 0 until the web server's port is known
	 * @param secure whether the instance speaks https
	 * @param metadata the metadata stored with the instance
	 * @throws IllegalArgumentException if there is no host
	 */
	public ZkRegistration(String serviceId, String instanceId, String path, List<String> hosts, int port,
			boolean secure, Map<String, String> metadata) {
		if (hosts.isEmpty()) {
			throw new IllegalArgumentException("A registration needs at least one host");
		}
		this.serviceId = serviceId;
		this.instanceId = instanceId;
		this.path = path;
		this.hosts = List.copyOf(hosts);
		this.port = port;
		this.secure = secure;
		this.metadata = new LinkedHashMap<>(metadata);
	}

	@Override
	public String getServiceId() {
		return this.serviceId;
	}

	@Override
	public String getInstanceId() {
		return this.instanceId;
	}

	/**
	 * The providers path the instance's nodes are created under, as configured.
	 * @return an absolute path, possibly through symbolic links
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * Every address the instance is registered at; one node is created per address.
	 * @return the hosts, at least one
	 */
	public List<String> getHosts() {
		return this.hosts;
	}

	/**
	 * The first of {@link #getHosts()}.
	 * @return the host
	 */
	@Override
	public String getHost() {
		return this.hosts.get(0);
	}

	@Override
	public int getPort() {
		return this.port;
	}

	/**
	 * Set the port once the web server has one.
	 * @param port the port
	 */
	public void setPort(int port) {
		this.port = port;
	}

	@Override
	public boolean isSecure() {
		return this.secure;
	}

	@Override
	public String getScheme() {
		return this.secure ? "https" : "http";
	}

	@Override
	public URI getUri() {
		return ServiceInstance.createUri(this);
	}

	/**
	 * The metadata stored with the instance; changes made before registering are stored.
	 * @return the mutable metadata
	 */
	@Override
	public Map<String, String> getMetadata() {
		return this.metadata;
	}

	/**
	 * The names of the nodes the instance is registered as, one per host.
	 * @return {@code HOST:PORT} names
	 */
	public List<String> getAddresses() {
		return this.hosts.stream().map((host) -> host + ":" + this.port).toList();
	}

	@Override
	public String toString() {
		return "ZkRegistration[" + this.serviceId + " " + this.instanceId + " at " + getAddresses() + " under "
				+ this.path + "]";
	}

}
