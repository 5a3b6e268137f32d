package io.zkboot.discovery;

import io.zkboot.client.ZkDeferredStartup;

import org.springframework.cloud.client.serviceregistry.AbstractAutoServiceRegistration;
import org.springframework.cloud.client.serviceregistry.AutoServiceRegistrationProperties;
import org.springframework.context.ApplicationContext;

/**
 * Registers the application's {@link ZkRegistration} once its web server is initialized
 * (taking the server's port unless one is configured) and deregisters it on shutdown. Without
 * a connection to ZooKeeper at that time, the registration waits for the first connection
 * ({@link ZkDeferredStartup}).
 */
public class ZkAutoServiceRegistration extends AbstractAutoServiceRegistration<ZkRegistration> {

	private final ZkRegistration registration;

	private final ZkDeferredStartup deferredStartup;

	/**
	 * Create the auto-registration.
	 * @param context the application context
	 * @param registry the registry
	 * @param registration the application's registration
	 * @param properties Spring Cloud's auto-registration settings
	 * @param deferredStartup holds the registration back while there is no connection
	 */
	public ZkAutoServiceRegistration(ApplicationContext context, ZkServiceRegistry registry,
			ZkRegistration registration, AutoServiceRegistrationProperties properties,
			ZkDeferredStartup deferredStartup) {
		super(context, registry, properties);
		this.registration = registration;
		this.deferredStartup = deferredStartup;
	}

	@Override
	public void start() {
		this.deferredStartup.run(ZkDeferredStartup.Step.REGISTRATION,
				"registration of " + this.registration.getServiceId() + " instance "
						+ this.registration.getInstanceId(),
				super::start);
	}

	@Override
	protected void register() {
		if (this.registration.getPort() <= 0) {
			this.registration.setPort(getPort().get());
		}
		super.register();
	}

	@Override
	protected ZkRegistration getRegistration() {
		return this.registration;
	}

	/**
	 * No separate management registration.
	 * @return null
	 */
	@Override
	protected ZkRegistration getManagementRegistration() {
		return null;
	}

	@Override
	protected Object getConfiguration() {
		return this.registration;
	}

	@Override
	protected boolean isEnabled() {
		return true;
	}

}
