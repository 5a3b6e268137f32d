package io.zkboot.discovery;

import java.util.List;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;

/**
 * Spring Cloud's blocking {@link DiscoveryClient} over a {@link ZkServiceCatalog}:
 * services from the services root, instances from the watched in-memory view.
 */
public class ZkDiscoveryClient implements DiscoveryClient {

	private final ZkServiceCatalog catalog;

	/**
	 * Create a client.
	 * @param catalog the catalog
	 */
	public ZkDiscoveryClient(ZkServiceCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public String description() {
		return "ZooKeeper discovery client (zk-spring-boot)";
	}

	/**
	 * The UP instances of a service; the first call for a service starts watching it.
	 * @param serviceId the service
	 * @return the instances
	 */
	@Override
	public List<ServiceInstance> getInstances(String serviceId) {
		return this.catalog.instances(serviceId);
	}

	/**
	 * The services, read from ZooKeeper.
	 * @return the service names
	 */
	@Override
	public List<String> getServices() {
		return this.catalog.services();
	}

}
