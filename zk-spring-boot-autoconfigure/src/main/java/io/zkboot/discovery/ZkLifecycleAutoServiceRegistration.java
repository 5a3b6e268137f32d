package io.zkboot.discovery;

import io.zkboot.client.ZkDeferredStartup;

import org.springframework.cloud.client.discovery.event.InstancePreRegisteredEvent;
import org.springframework.cloud.client.discovery.event.InstanceRegisteredEvent;
import org.springframework.cloud.client.serviceregistry.AutoServiceRegistration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * The auto-registration of an application without a web server (a worker, a batch job): its
 * {@link ZkRegistration}, whose port is configured ({@code zk.registry.port}), is registered
 * when the application context starts and deregistered when it stops, with Spring Cloud's
 * {@link InstancePreRegisteredEvent} and {@link InstanceRegisteredEvent} around the
 * registration. Without a connection to ZooKeeper at that time, the registration waits for the
 * first connection ({@link ZkDeferredStartup}).
 */
public class ZkLifecycleAutoServiceRegistration implements AutoServiceRegistration, SmartLifecycle {

	private final ZkServiceRegistry registry;

	private final ZkRegistration registration;

	private final ApplicationEventPublisher publisher;

	private final ZkDeferredStartup deferredStartup;

	private volatile boolean running;

	/**
	 * Create the auto-registration.
	 * @param registry the registry
	 * @param registration the application's registration, with its port
	 * @param publisher where the registration events go
	 * @param deferredStartup holds the registration back while there is no connection
	 */
	public ZkLifecycleAutoServiceRegistration(ZkServiceRegistry registry, ZkRegistration registration,
			ApplicationEventPublisher publisher, ZkDeferredStartup deferredStartup) {
		this.registry = registry;
		this.registration = registration;
		this.publisher = publisher;
		this.deferredStartup = deferredStartup;
	}

	@Override
	public void start() {
		this.running = true;
		this.deferredStartup.run(ZkDeferredStartup.Step.REGISTRATION, "registration of "
				+ this.registration.getServiceId() + " instance " + this.registration.getInstanceId(), this::register);
	}

	private void register() {
		if (!this.running) {
			return;
		}
		this.publisher.publishEvent(new InstancePreRegisteredEvent(this, this.registration));
		this.registry.register(this.registration);
		this.publisher.publishEvent(new InstanceRegisteredEvent<>(this, this.registration));
	}

	@Override
	public void stop() {
		this.running = false;
		this.registry.deregister(this.registration);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
