package io.zkboot.tree;

import java.util.Map;
import java.util.Optional;

import io.zkboot.core.NodeProperties;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * Reads node properties from ZooKeeper, one read per call, so that {@link LinkResolver},
 * {@link PropertyLinkReader} and {@link LinkChecker} work against a live tree.
 */
public final class CuratorNodeReader implements NodeReader {

	private final CuratorFramework client;

	/**
	 * Creates a reader.
	 *
	 * @param client a started Curator client
	 */
	public CuratorNodeReader(CuratorFramework client) {
		this.client = client;
	}

	/**
	 * Reads and decodes a node's data.
	 *
	 * @param path an absolute path ({@code /} for the root)
	 * @return the properties, or empty if there is no such node
	 * @throws IllegalStateException if ZooKeeper cannot be read
	 */
	@Override
	public Optional<Map<String, Object>> properties(String path) {
		try {
			return Optional.of(NodeProperties.decode(path, client.getData().forPath(path.isEmpty() ? "/" : path)));
		}
		catch (KeeperException.NoNodeException ex) {
			return Optional.empty();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read " + path, ex);
		}
	}
}
