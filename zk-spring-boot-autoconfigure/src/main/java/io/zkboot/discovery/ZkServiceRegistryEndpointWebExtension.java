package io.zkboot.discovery;

import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.cloud.client.serviceregistry.endpoint.ServiceRegistryEndpoint;

/**
 * The web side of Spring Cloud's {@code serviceregistry} endpoint for ZooKeeper: a status the
 * registry does not store (only {@code UP} and {@code OUT_OF_SERVICE}) answers 400 Bad Request
 * with the reason, rather than 500. Reading the status is left to the endpoint.
 */
@EndpointWebExtension(endpoint = ServiceRegistryEndpoint.class)
public class ZkServiceRegistryEndpointWebExtension {

	private final ZkServiceRegistry registry;

	private final ZkRegistration registration;

	/**
	 * Creates the extension.
	 * @param registry the registry
	 * @param registration the application's registration
	 */
	public ZkServiceRegistryEndpointWebExtension(ZkServiceRegistry registry, ZkRegistration registration) {
		this.registry = registry;
		this.registration = registration;
	}

	/**
	 * Sets the application's status.
	 * @param status {@code UP} or {@code OUT_OF_SERVICE}, in any case
	 * @return 200 once stored, 400 for another status, 409 when the application is not
	 * registered
	 */
	@WriteOperation
	public WebEndpointResponse<?> setStatus(String status) {
		try {
			ZkInstanceStatus.parse(status);
		}
		catch (IllegalArgumentException ex) {
			return new WebEndpointResponse<>(ex.getMessage(), WebEndpointResponse.STATUS_BAD_REQUEST);
		}
		if (this.registry.getStatus(this.registration) == null) {
			return new WebEndpointResponse<>(this.registration + " is not registered (yet)", 409);
		}
		this.registry.setStatus(this.registration, status);
		return new WebEndpointResponse<>();
	}

}
