package io.zkboot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the application's registration, bound from {@code zk.registry.*}.
 */
@ConfigurationProperties("zk.registry")
public class ZkRegistryProperties {

	/**
	 * Whether to register the application in ZooKeeper.
	 */
	private boolean enabled = true;

	/**
	 * Service id the application is registered as. Defaults to spring.application.name,
	 * or "application" when that is not set.
	 */
	private @Nullable String serviceId;

	/**
	 * Providers path the instance's HOST:PORT nodes are created under, resolved through
	 * symbolic links and created when missing. Defaults to
	 * {zk.discovery.root}/{service-id}/{zk.discovery.providers}, that is
	 * /services/{service-id}/providers, where discovery looks for it.
	 */
	private @Nullable String path;

	/**
	 * Host to register. When blank, the address Spring Cloud's InetUtils chooses
	 * (spring.cloud.inetutils.*: preferred networks, ignored interfaces), or with
	 * all-addresses every address of the machine.
	 */
	private @Nullable String host;

	/**
	 * Whether a blank host registers every non-loopback IPv4 address of the machine (one
	 * node each; the loopback address when there is none), as zc.zk does, Docker and VPN
	 * bridges included, instead of the one address InetUtils chooses.
	 */
	private boolean allAddresses = false;

	/**
	 * Port to register. Defaults to the port of the web server once it is initialized. An
	 * application without a web server is registered automatically only when it is set.
	 */
	private @Nullable Integer port;

	/**
	 * Instance id to register. Defaults to a random UUID chosen at startup.
	 */
	private @Nullable String instanceId;

	/**
	 * Whether the instance speaks https: registers the https scheme.
	 */
	private boolean secure = false;

	/**
	 * Metadata stored with the instance and discovered with it.
	 */
	private Map<String, String> metadata = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getServiceId() {
		return this.serviceId;
	}

	public void setServiceId(@Nullable String serviceId) {
		this.serviceId = serviceId;
	}

	public @Nullable String getPath() {
		return this.path;
	}

	public void setPath(@Nullable String path) {
		this.path = path;
	}

	public @Nullable String getHost() {
		return this.host;
	}

	public void setHost(@Nullable String host) {
		this.host = host;
	}

	public boolean isAllAddresses() {
		return this.allAddresses;
	}

	public void setAllAddresses(boolean allAddresses) {
		this.allAddresses = allAddresses;
	}

	public @Nullable Integer getPort() {
		return this.port;
	}

	public void setPort(@Nullable Integer port) {
		this.port = port;
	}

	public @Nullable String getInstanceId() {
		return this.instanceId;
	}

	public void setInstanceId(@Nullable String instanceId) {
		this.instanceId = instanceId;
	}

	public boolean isSecure() {
		return this.secure;
	}

	public void setSecure(boolean secure) {
		this.secure = secure;
	}

	public Map<String, String> getMetadata() {
		return this.metadata;
	}

	public void setMetadata(Map<String, String> metadata) {
		this.metadata = metadata;
	}

}
