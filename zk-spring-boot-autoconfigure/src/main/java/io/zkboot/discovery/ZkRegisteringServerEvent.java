package io.zkboot.discovery;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEvent;

/**
 * Published just before an instance's nodes are created, as zc.zk's
 * {@code RegisteringServer} event: listeners may add (or change) the properties that
 * will be stored. Not published again when the nodes are re-created after a new session;
 * the properties stored the first time are used.
 */
public class ZkRegisteringServerEvent extends ApplicationEvent {

	private final ZkRegistration registration;

	private final String path;

	private final Map<String, Object> properties;

	/**
	 * Create an event.
	 * @param source the registry
	 * @param registration what is being registered
	 * @param path the resolved providers path the nodes are created under
	 * @param properties the properties to store; listeners may change them
	 */
	public ZkRegisteringServerEvent(Object source, ZkRegistration registration, String path,
			Map<String, Object> properties) {
		super(source);
		this.registration = registration;
		this.path = path;
		this.properties = properties;
	}

	/**
	 * What is being registered.
	 * @return the registration
	 */
	public ZkRegistration getRegistration() {
		return this.registration;
	}

	/**
	 * The providers path, resolved through symbolic links.
	 * @return the path the nodes are created under
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * The names of the nodes about to be created.
	 * @return {@code HOST:PORT} names
	 */
	public List<String> getAddresses() {
		return this.registration.getAddresses();
	}

	/**
	 * The properties that will be stored in each node: put values (JSON-compatible Java
	 * values) to store more.
	 * @return the mutable properties
	 */
	public Map<String, Object> getProperties() {
		return this.properties;
	}

}
