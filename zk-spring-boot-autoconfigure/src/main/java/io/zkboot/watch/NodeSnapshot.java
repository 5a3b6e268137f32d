package io.zkboot.watch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.zkboot.core.NodeProperties;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

/**
 * What a watch read from ZooKeeper at one moment: whether the node exists, its data and
 * {@link Stat}, and (for a children watch) the names of its children.
 *
 * @param path the path read
 * @param data the node's data; {@code null} when the node does not exist or was not read
 * @param stat the node's stat; {@code null} when the node does not exist
 * @param children the child names in code-point order; empty when the node does not exist
 * or children were not read
 */
public record NodeSnapshot(String path, byte @Nullable [] data, @Nullable Stat stat, List<String> children) {

	/**
	 * A snapshot of a node that does not exist.
	 * @param path the path read
	 * @return the snapshot
	 */
	public static NodeSnapshot absent(String path) {
		return new NodeSnapshot(path, null, null, List.of());
	}

	/**
	 * Whether the node existed when it was read.
	 * @return true if it existed
	 */
	public boolean exists() {
		return this.stat != null;
	}

	/**
	 * The version of the node's data as read: the zxid of its last change ({@code mzxid}).
	 * @return the {@code mzxid}, or {@code -1} when the node did not exist
	 */
	public long modified() {
		return (this.stat != null) ? this.stat.getMzxid() : -1;
	}

	/**
	 * The data as UTF-8 text.
	 * @return the text, {@code null} when there is no data
	 */
	public @Nullable String text() {
		return (this.data != null) ? new String(this.data, StandardCharsets.UTF_8) : null;
	}

	/**
	 * The data decoded by {@link NodeProperties}.
	 * @return a new mutable map; empty when the node does not exist
	 */
	public Map<String, Object> properties() {
		return NodeProperties.decode(this.path, this.data);
	}

}
