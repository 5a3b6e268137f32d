package io.zkboot.tree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.zkboot.core.NodeProperties;

/** Builds node records (as read from ZooKeeper) for tests. */
final class Records {

	private final List<NodeRecord> records = new ArrayList<>();

	Records() {
		records.add(new NodeRecord("/", new byte[0], 0));
		records.add(new NodeRecord("/zookeeper", new byte[0], 0));
		records.add(new NodeRecord("/zookeeper/quota", new byte[0], 0));
	}

	/** Adds the nodes of a text as an import at {@code base} would create them. */
	Records tree(String text, String base) {
		TreeParser.parse(text, "test").children().values().forEach(node -> add(NodeIndex.key(base), node));
		return this;
	}

	private void add(String parent, TreeNode node) {
		String path = parent + "/" + node.name();
		records.add(new NodeRecord(path, NodeProperties.encode(node.properties()), 0));
		node.children().values().forEach(child -> add(path, child));
	}

	Records node(String path, String data) {
		records.add(new NodeRecord(path, data.getBytes(StandardCharsets.UTF_8), 0));
		return this;
	}

	Records ephemeral(String path, String data) {
		records.add(new NodeRecord(path, data.getBytes(StandardCharsets.UTF_8), 0x1234));
		return this;
	}

	List<NodeRecord> list() {
		return records;
	}

	/** The state of the zc.zk README after the first import: the first tree plus /fooservice. */
	static Records seed() {
		return new Records().tree(SeedTrees.FIRST, "/")
				.node("/fooservice", "{\"secret\":\"1234\",\"threads\":3}")
				.node("/fooservice/providers", "{}")
				.ephemeral("/fooservice/providers/192.168.0.42:8080", "{\"pid\":9999}")
				.ephemeral("/fooservice/providers/192.168.0.42:8081", "{\"pid\":9999}")
				.ephemeral("/fooservice/providers/192.168.0.42:8082", "{\"pid\":9999}");
	}
}
