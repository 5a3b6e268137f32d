package io.zkboot.config;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.zkboot.core.NodeProperties;

/**
 * Reads a node's data as configuration: its properties decoded as zc.zk does, except that
 * data looking like a JSON object ({@code {...}}) that does not parse is an error rather than
 * a {@value NodeProperties#STRING_VALUE}, so that a typo never replaces good configuration.
 */
final class NodeConfiguration {

	private NodeConfiguration() {
	}

	/**
	 * Decodes a node's data.
	 * @param path the node's path, for the message
	 * @param data the node's data, may be {@code null}
	 * @return the properties
	 * @throws IllegalArgumentException if the data looks like a JSON object but is not valid
	 * JSON
	 */
	static Map<String, Object> properties(String path, byte[] data) {
		Map<String, Object> properties = NodeProperties.decode(data);
		if (properties.size() == 1 && properties.containsKey(NodeProperties.STRING_VALUE)) {
			String trimmed = new String(data, StandardCharsets.UTF_8).strip();
			if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
				throw new IllegalArgumentException("Node " + path + " holds invalid JSON: " + abbreviate(trimmed));
			}
		}
		return properties;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200) + "...";
	}

}
