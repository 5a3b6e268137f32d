package io.zkboot.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.apache.zookeeper.data.Stat;

/**
 * One node as read from ZooKeeper: its path, its data and its {@link Stat}.
 *
 * @param path the node's absolute path
 * @param data the node's data (empty, never {@code null}, when the node has none)
 * @param stat the node's metadata (versions, times, owner of an ephemeral node, child count)
 */
public record ZkNode(String path, byte[] data, Stat stat) {

	/**
	 * Creates a node, turning {@code null} data into an empty array.
	 * @param path the node's absolute path
	 * @param data the node's data, or {@code null}
	 * @param stat the node's metadata
	 */
	public ZkNode {
		data = (data != null) ? data : new byte[0];
	}

	/**
	 * Returns the last segment of the path.
	 * @return the node's name ({@code ""} for the root)
	 */
	public String name() {
		return ZkPath.name(this.path);
	}

	/**
	 * Returns the data decoded as UTF-8.
	 * @return the data as text
	 */
	public String dataAsString() {
		return new String(this.data, StandardCharsets.UTF_8);
	}

	/**
	 * Tells whether the node is ephemeral (owned by a session and removed when it ends).
	 * @return whether the node is ephemeral
	 */
	public boolean isEphemeral() {
		return this.stat.getEphemeralOwner() != 0;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof ZkNode node) && this.path.equals(node.path) && Arrays.equals(this.data, node.data)
				&& Objects.equals(this.stat, node.stat);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.path, Arrays.hashCode(this.data), this.stat);
	}

	@Override
	public String toString() {
		return "ZkNode[path=" + this.path + ", data=" + this.data.length + " bytes, version="
				+ this.stat.getVersion() + ", ephemeral=" + isEphemeral() + "]";
	}

}
