package io.zkboot.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zkboot.core.internal.CodePointOrder;
import org.jspecify.annotations.Nullable;

/**
 * Node records indexed by path, with each node's children sorted by name. Paths are kept in
 * the form {@code ""} for the root and {@code /a/b} below it.
 */
final class NodeIndex {

	private final Map<String, NodeRecord> nodes = new HashMap<>();

	private final Map<String, List<String>> children = new HashMap<>();

	NodeIndex(List<NodeRecord> records) {
		for (NodeRecord record : records) {
			String path = key(record.path());
			nodes.put(path, record);
			if (!path.isEmpty()) {
				int slash = path.lastIndexOf('/');
				children.computeIfAbsent(path.substring(0, slash), k -> new ArrayList<>()).add(path.substring(slash + 1));
			}
		}
		children.values().forEach(names -> names.sort(CodePointOrder.NAMES));
	}

	/** The index key of a path: trailing slashes removed, so the root is the empty string. */
	static String key(String path) {
		int end = path.length();
		while (end > 0 && path.charAt(end - 1) == '/') {
			end--;
		}
		return path.substring(0, end);
	}

	@Nullable NodeRecord get(String path) {
		return nodes.get(path);
	}

	boolean exists(String path) {
		return nodes.containsKey(path);
	}

	List<String> children(String path) {
		return children.getOrDefault(path, List.of());
	}
}
