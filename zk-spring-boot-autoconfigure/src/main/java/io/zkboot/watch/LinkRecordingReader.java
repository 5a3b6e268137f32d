package io.zkboot.watch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.zkboot.core.NodeProperties;
import io.zkboot.tree.NodeReader;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Reads nodes from ZooKeeper for link resolution and remembers what it read, with the
 * version seen: the nodes whose properties were read (holding the symbolic links a resolution
 * followed, or the properties a property link led to) and the nodes only checked for
 * existence. A view watches them to notice a link, or what it leads to, changing.
 *
 * <p>A version is the node's {@code mzxid} when first read, or {@link #ABSENT}; a data watch
 * on the node seeing another version means the node changed since.
 */
public final class LinkRecordingReader implements NodeReader {

	/** The version of a node that does not exist. */
	static final long ABSENT = -1;

	private final CuratorFramework client;

	private final Map<String, Long> linkHolders = new LinkedHashMap<>();

	private final Map<String, Long> nodesRead = new LinkedHashMap<>();

	/**
	 * Creates a reader.
	 * @param client the client to read with
	 */
	public LinkRecordingReader(CuratorFramework client) {
		this.client = client;
	}

	/**
	 * The version of a node as a data watch read it.
	 * @param snapshot what the watch read
	 * @return the node's {@code mzxid}, or {@link #ABSENT}
	 */
	static long versionOf(NodeSnapshot snapshot) {
		return snapshot.exists() ? snapshot.stat().getMzxid() : ABSENT;
	}

	@Override
	public Optional<Map<String, Object>> properties(String path) {
		String node = path.isEmpty() ? "/" : path;
		Stat stat = new Stat();
		try {
			byte[] data = this.client.getData().storingStatIn(stat).forPath(node);
			record(node, stat.getMzxid(), true);
			return Optional.of(NodeProperties.decode(node, data));
		}
		catch (KeeperException.NoNodeException ex) {
			record(node, ABSENT, true);
			return Optional.empty();
		}
		catch (Exception ex) {
			throw new ReadFailure("cannot read " + path, ex);
		}
	}

	@Override
	public boolean exists(String path) {
		try {
			Stat stat = this.client.checkExists().forPath(path);
			record(path, (stat != null) ? stat.getMzxid() : ABSENT, false);
			return stat != null;
		}
		catch (Exception ex) {
			throw new ReadFailure("cannot read " + path, ex);
		}
	}

	private void record(String path, long version, boolean propertiesRead) {
		this.nodesRead.putIfAbsent(path, version);
		if (propertiesRead) {
			this.linkHolders.putIfAbsent(path, this.nodesRead.get(path));
		}
	}

	/**
	 * The nodes whose properties were read so far.
	 * @return their paths, in the order read, with the version first seen
	 */
	Map<String, Long> linkHolders() {
		return this.linkHolders;
	}

	/**
	 * The nodes read or checked for existence so far.
	 * @return their paths, in the order read, with the version first seen
	 */
	public Map<String, Long> nodesRead() {
		return this.nodesRead;
	}

	/**
	 * ZooKeeper could not be read: not a bad link, so callers can tell the two apart.
	 */
	public static final class ReadFailure extends IllegalStateException {

		ReadFailure(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
