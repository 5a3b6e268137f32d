package io.zkboot.sample.instances;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sample/instances}: the instances of the sample's own service, found through
 * Spring Cloud's {@link DiscoveryClient} (the sample registers itself when its web server
 * starts).
 */
@RestController
class InstancesController {

	private final DiscoveryClient discovery;

	private final String serviceId;

	InstancesController(DiscoveryClient discovery, @Value("${spring.application.name}") String serviceId) {
		this.discovery = discovery;
		this.serviceId = serviceId;
	}

	@GetMapping("/sample/instances")
	List<Map<String, Object>> instances() {
		return this.discovery.getInstances(this.serviceId).stream().map(InstancesController::describe).toList();
	}

	private static Map<String, Object> describe(ServiceInstance instance) {
		return Map.of("serviceId", instance.getServiceId(), "instanceId", instance.getInstanceId(), "uri",
				instance.getUri().toString(), "metadata", instance.getMetadata());
	}

}
