package io.zkboot.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zkboot.tree.PropertyLinkReader;
import io.zkboot.watch.LinkRecordingReader;
import org.apache.curator.framework.CuratorFramework;

/**
 * Follows a node's property links ({@code X =>} with the value {@code path [name]}) as zc.zk
 * does, with {@link PropertyLinkReader}: each link not shadowed by a stored {@code X} gives
 * the property {@code X} with the linked value. A link that cannot be followed (no node, no
 * property, a loop, a malformed value) gives no property and an error. Every node read on the
 * way is remembered with its modification zxid, so that it can be watched.
 */
final class PropertyLinks {

	private PropertyLinks() {
	}

	/**
	 * Follows the property links of a node's properties.
	 * @param client the client to read the linked nodes with
	 * @param path the node's path, which relative links are relative to
	 * @param stored the node's properties as stored
	 * @return the properties with the links followed, and what was read
	 * @throws io.zkboot.core.ZkException if ZooKeeper cannot be read
	 */
	static Followed follow(CuratorFramework client, String path, Map<String, Object> stored) {
		LinkRecordingReader recorder = new LinkRecordingReader(client);
		PropertyLinkReader reader = new PropertyLinkReader(recorder);
		Map<String, Object> properties = new LinkedHashMap<>();
		List<String> errors = new ArrayList<>();
		reader.readAll(path, stored, properties::put, (property, bad) -> errors
			.add("Configuration node " + path + ": " + bad.getMessage() + "; it gives no property " + property));
		return new Followed(properties, recorder.nodesRead(), errors);
	}

	/**
	 * A node's properties with its property links followed.
	 *
	 * @param properties the stored properties, less the links, plus a property for each link
	 * followed, in stored order
	 * @param read the paths of the nodes read when following the links, each with its
	 * modification zxid (-1 for a node that did not exist)
	 * @param errors a message for each link that could not be followed
	 */
	record Followed(Map<String, Object> properties, Map<String, Long> read, List<String> errors) {
	}

}
