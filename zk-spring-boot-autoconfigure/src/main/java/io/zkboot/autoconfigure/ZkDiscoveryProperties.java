package io.zkboot.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of service discovery, bound from {@code zk.discovery.*}.
 */
@ConfigurationProperties("zk.discovery")
public class ZkDiscoveryProperties {

	/**
	 * Whether to discover services in ZooKeeper.
	 */
	private boolean enabled = true;

	/**
	 * Path whose children are the services.
	 */
	private String root = "/services";

	/**
	 * Name of the child of a service's node whose HOST:PORT children are its instances.
	 */
	private String providers = "providers";

	/**
	 * How long the first lookup of a service waits for its instances to be read; later
	 * lookups are answered from memory.
	 */
	private Duration firstLookupTimeout = Duration.ofSeconds(10);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getRoot() {
		return this.root;
	}

	public void setRoot(String root) {
		this.root = root;
	}

	public String getProviders() {
		return this.providers;
	}

	public void setProviders(String providers) {
		this.providers = providers;
	}

	public Duration getFirstLookupTimeout() {
		return this.firstLookupTimeout;
	}

	public void setFirstLookupTimeout(Duration firstLookupTimeout) {
		this.firstLookupTimeout = firstLookupTimeout;
	}

}
