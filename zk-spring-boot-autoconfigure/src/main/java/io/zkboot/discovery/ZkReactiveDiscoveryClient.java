package io.zkboot.discovery;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;

/**
 * Spring Cloud's {@link ReactiveDiscoveryClient} over a {@link ZkServiceCatalog}.
 * Instances of a watched service are emitted at once; reading the services, and the
 * first lookup of a service, run on the bounded-elastic scheduler.
 */
public class ZkReactiveDiscoveryClient implements ReactiveDiscoveryClient {

	private final ZkServiceCatalog catalog;

	/**
	 * Create a client.
	 * @param catalog the catalog
	 */
	public ZkReactiveDiscoveryClient(ZkServiceCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public String description() {
		return "ZooKeeper reactive discovery client (zk-spring-boot)";
	}

	/**
	 * The UP instances of a service; the first call for a service starts watching it.
	 * @param serviceId the service
	 * @return the instances
	 */
	@Override
	public Flux<ServiceInstance> getInstances(String serviceId) {
		if (this.catalog.isWatched(serviceId)) {
			return Flux.fromIterable(this.catalog.instances(serviceId));
		}
		return Flux.defer(() -> Flux.fromIterable(this.catalog.instances(serviceId)))
			.subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * The services, read from ZooKeeper.
	 * @return the service names
	 */
	@Override
	public Flux<String> getServices() {
		return Flux.defer(() -> Flux.fromIterable(this.catalog.services())).subscribeOn(Schedulers.boundedElastic());
	}

}
