package io.zkboot.config;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The properties of one node of a {@code zk:} import, as last read: its path, the prefix of its
 * names (the node's path below the imported node: {@code /config/myapp/db} imported as
 * {@code zk:/config/myapp} gives {@code db.}), its flattened properties and the version they
 * were read at.
 *
 * @param path the node's path
 * @param prefix the prefix of every name, empty or ending with {@code .}
 * @param properties the node's properties, flattened and prefixed
 * @param version the node's modification zxid, -1 when it does not exist, or
 * {@link #NEVER_READ}
 */
record ImportedNode(String path, String prefix, Map<String, Object> properties, long version) {

	/** The version of a node not read yet. */
	static final long NEVER_READ = Long.MIN_VALUE;

	ImportedNode {
		properties = Map.copyOf(properties);
	}

	/**
	 * A node not read yet, with no properties.
	 * @param path the node's path
	 * @param prefix the prefix of its names
	 * @return the node
	 */
	static ImportedNode unread(String path, String prefix) {
		return new ImportedNode(path, prefix, Map.of(), NEVER_READ);
	}

	/**
	 * The same node with the properties of a newer version.
	 * @param replacement the new properties, flattened and prefixed
	 * @param newVersion the node's modification zxid, or -1 when it no longer exists
	 * @return the node
	 */
	ImportedNode withProperties(Map<String, Object> replacement, long newVersion) {
		return new ImportedNode(this.path, this.prefix, replacement, newVersion);
	}

	/**
	 * The names whose values differ between this version of the node and another.
	 * @param other the other version
	 * @return the names added, removed or changed
	 */
	Set<String> changedNames(ImportedNode other) {
		Set<String> changed = new HashSet<>();
		this.properties.forEach((name, value) -> {
			if (!Objects.equals(value, other.properties.get(name))) {
				changed.add(name);
			}
		});
		other.properties.keySet().stream().filter((name) -> !this.properties.containsKey(name)).forEach(changed::add);
		return changed;
	}

}
