package io.zkboot.config;

import java.util.Set;

import org.springframework.context.ApplicationEvent;

/**
 * Published after a configuration node changed, its property source was updated and the
 * {@code @ConfigurationProperties} beans bound to the changed names were re-bound.
 */
public class ZkConfigChangedEvent extends ApplicationEvent {

	private final String path;

	private final Set<String> keys;

	/**
	 * Creates the event.
	 * @param source the property source updated
	 * @param path the node's path
	 * @param keys the property names added, removed or changed
	 */
	public ZkConfigChangedEvent(Object source, String path, Set<String> keys) {
		super(source);
		this.path = path;
		this.keys = Set.copyOf(keys);
	}

	/**
	 * The node's path.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * The property names added, removed or changed.
	 * @return the names, as in the environment ({@code db.url})
	 */
	public Set<String> getKeys() {
		return this.keys;
	}

	@Override
	public String toString() {
		return "ZkConfigChangedEvent[" + this.path + " " + this.keys + "]";
	}

}
