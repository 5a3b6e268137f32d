package io.zkboot.watch;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.zkboot.tree.CuratorNodeReader;
import io.zkboot.tree.NodeReader;
import org.apache.curator.framework.CuratorFramework;

/**
 * Reads nodes from ZooKeeper for link resolution and remembers whose properties were read:
 * the nodes holding the symbolic links a resolution followed, which a view has to watch to
 * notice a link changing.
 */
final class LinkRecordingReader implements NodeReader {

	private final CuratorFramework client;

	private final NodeReader delegate;

	private final Set<String> linkHolders = new LinkedHashSet<>();

	LinkRecordingReader(CuratorFramework client) {
		this.client = client;
		this.delegate = new CuratorNodeReader(client);
	}

	@Override
	public Optional<Map<String, Object>> properties(String path) {
		this.linkHolders.add(path);
		return this.delegate.properties(path);
	}

	@Override
	public boolean exists(String path) {
		try {
			return this.client.checkExists().forPath(path) != null;
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read " + path, ex);
		}
	}

	/**
	 * The nodes whose properties were read so far.
	 * @return their paths, in the order read
	 */
	Set<String> linkHolders() {
		return this.linkHolders;
	}

}
