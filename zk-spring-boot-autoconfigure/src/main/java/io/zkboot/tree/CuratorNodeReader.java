package io.zkboot.tree;

import java.util.Map;
import java.util.Optional;

import io.zkboot.core.NodeProperties;
import io.zkboot.core.ZkExceptionTranslator;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Reads node properties from ZooKeeper, one read per call, so that {@link LinkResolver},
 * {@link PropertyLinkReader} and {@link LinkChecker} work against a live tree. A subclass can
 * observe each read with the version of the node read ({@link #read(String, long, boolean)}), as
 * the watches do to learn which nodes a resolution depended on.
 */
public class CuratorNodeReader implements NodeReader {

	/** The version of a node that does not exist. */
	protected static final long ABSENT = -1;

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
	 * @throws io.zkboot.core.ZkException if ZooKeeper cannot be read
	 */
	@Override
	public Optional<Map<String, Object>> properties(String path) {
		String node = path.isEmpty() ? "/" : path;
		Stat stat = new Stat();
		try {
			byte[] data = this.client.getData().storingStatIn(stat).forPath(node);
			read(node, stat.getMzxid(), true);
			return Optional.of(NodeProperties.decode(node, data));
		}
		catch (KeeperException.NoNodeException ex) {
			read(node, ABSENT, true);
			return Optional.empty();
		}
		catch (Exception ex) {
			throw ZkExceptionTranslator.translate(ex, node);
		}
	}

	/**
	 * Tells whether a node exists, without reading its data.
	 *
	 * @param path an absolute path ({@code /} for the root)
	 * @return whether there is a node at {@code path}
	 * @throws io.zkboot.core.ZkException if ZooKeeper cannot be read
	 */
	@Override
	public boolean exists(String path) {
		String node = path.isEmpty() ? "/" : path;
		try {
			Stat stat = this.client.checkExists().forPath(node);
			read(node, (stat != null) ? stat.getMzxid() : ABSENT, false);
			return stat != null;
		}
		catch (Exception ex) {
			throw ZkExceptionTranslator.translate(ex, node);
		}
	}

	/**
	 * Called after each read; does nothing here.
	 *
	 * @param path           the node read
	 * @param version        its {@code mzxid}, or {@link #ABSENT} when there is no node
	 * @param propertiesRead whether its properties were read (else only its existence)
	 */
	protected void read(String path, long version, boolean propertiesRead) {
	}
}
