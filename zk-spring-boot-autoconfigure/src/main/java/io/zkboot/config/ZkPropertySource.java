package io.zkboot.config;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * The properties of one ZooKeeper node as a property source, under the prefix made of the
 * node's path below the imported node ({@code /config/myapp/db} imported as
 * {@code zk:/config/myapp} gives {@code db.*}). Its content is replaced, as a whole, when the
 * node changes.
 */
public class ZkPropertySource extends EnumerablePropertySource<String> {

	/** The version of a property source made for a node not read yet. */
	public static final long NEVER_READ = Long.MIN_VALUE;

	private final String prefix;

	private volatile Map<String, Object> properties;

	private volatile long version;

	/**
	 * Creates the property source.
	 * @param path the node's path, which is also the source's object
	 * @param prefix the prefix of every name, empty or ending with {@code .}
	 * @param properties the node's properties, flattened and prefixed
	 * @param version the node's modification zxid, -1 when it does not exist, or
	 * {@link #NEVER_READ}
	 */
	public ZkPropertySource(String path, String prefix, Map<String, Object> properties, long version) {
		super("zk:" + path, path);
		this.prefix = prefix;
		this.properties = Map.copyOf(properties);
		this.version = version;
	}

	/**
	 * The node's path.
	 * @return the path
	 */
	public String getPath() {
		return getSource();
	}

	/**
	 * The prefix of every name.
	 * @return empty or ending with {@code .}
	 */
	public String getPrefix() {
		return this.prefix;
	}

	/**
	 * The modification zxid of the node the properties were read from.
	 * @return the zxid, -1 when the node did not exist
	 */
	public long getVersion() {
		return this.version;
	}

	@Override
	public @Nullable Object getProperty(String name) {
		return this.properties.get(name);
	}

	@Override
	public boolean containsProperty(String name) {
		return this.properties.containsKey(name);
	}

	@Override
	public String[] getPropertyNames() {
		return this.properties.keySet().toArray(String[]::new);
	}

	/**
	 * Replaces the properties with those of a newer version of the node.
	 * @param replacement the new properties, flattened and prefixed
	 * @param newVersion the node's modification zxid, or -1 when it no longer exists
	 * @return the names added, removed or changed
	 */
	public synchronized Set<String> replace(Map<String, Object> replacement, long newVersion) {
		Map<String, Object> old = this.properties;
		Set<String> changed = new HashSet<>();
		old.forEach((name, value) -> {
			if (!Objects.equals(value, replacement.get(name))) {
				changed.add(name);
			}
		});
		replacement.keySet().stream().filter((name) -> !old.containsKey(name)).forEach(changed::add);
		this.properties = Map.copyOf(replacement);
		this.version = newVersion;
		return changed;
	}

}
