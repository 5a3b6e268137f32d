package io.zkboot.config;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a configuration node changed to data that cannot be configuration (invalid
 * JSON); the last good properties stay in effect.
 */
public class ZkConfigErrorEvent extends ApplicationEvent {

	private final String path;

	private final String message;

	/**
	 * Creates the event.
	 * @param source the property source kept
	 * @param path the node's path
	 * @param message what is wrong
	 */
	public ZkConfigErrorEvent(Object source, String path, String message) {
		super(source);
		this.path = path;
		this.message = message;
	}

	/**
	 * The node's path.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * What is wrong.
	 * @return the message
	 */
	public String getMessage() {
		return this.message;
	}

	@Override
	public String toString() {
		return "ZkConfigErrorEvent[" + this.path + ": " + this.message + "]";
	}

}
