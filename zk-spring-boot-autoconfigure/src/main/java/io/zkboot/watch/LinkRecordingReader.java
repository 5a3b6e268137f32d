package io.zkboot.watch;

import java.util.LinkedHashMap;
import java.util.Map;

import io.zkboot.tree.CuratorNodeReader;
import org.apache.curator.framework.CuratorFramework;

/**
 * Reads nodes from ZooKeeper for link resolution and remembers what it read, with the
 * version seen: the nodes whose properties were read (holding the symbolic links a resolution
 * followed, or the properties a property link led to) and the nodes only checked for
 * existence. A view watches them to notice a link, or what it leads to, changing.
 *
 * <p>A version is the node's {@code mzxid} when first read, or {@code -1} when it did not
 * exist (as {@link NodeSnapshot#modified()}); a data watch on the node seeing another version
 * means the node changed since.
 */
public final class LinkRecordingReader extends CuratorNodeReader {

	private final Map<String, Long> linkHolders = new LinkedHashMap<>();

	private final Map<String, Long> nodesRead = new LinkedHashMap<>();

	/**
	 * Creates a reader.
	 * @param client the client to read with
	 */
	public LinkRecordingReader(CuratorFramework client) {
		super(client);
	}

	@Override
	protected void read(String path, long version, boolean propertiesRead) {
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

}
