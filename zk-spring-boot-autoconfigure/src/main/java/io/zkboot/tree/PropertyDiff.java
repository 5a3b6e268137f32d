package io.zkboot.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.zkboot.core.NodeProperties;
import io.zkboot.core.internal.CodePointOrder;

/**
 * The dry-run description of a node's property changes, worded as zc.zk words them. Values
 * are compared as JSON values and printed as Python 3's {@code str}.
 */
final class PropertyDiff {

	private PropertyDiff() {
	}

	static List<String> describe(String path, Map<String, Object> before, Map<String, Object> after) {
		List<String> lines = new ArrayList<>();
		sorted(before).forEach((name, old) -> {
			boolean link = name.endsWith(TreeNode.LINK_SUFFIX);
			if (!after.containsKey(name)) {
				lines.add(link ? path + " remove link " + name + " " + PythonRepr.str(old)
						: path + " remove property " + name + " = " + PythonRepr.str(old));
			}
			else if (!NodeProperties.sameJson(old, after.get(name))) {
				String label = link ? name.substring(0, name.length() - TreeNode.LINK_SUFFIX.length()) + " link" : name;
				lines.add(path + " " + label + " change from " + PythonRepr.str(old) + " to " + PythonRepr.str(after.get(name)));
			}
		});
		sorted(after).forEach((name, value) -> {
			if (!before.containsKey(name)) {
				lines.add(name.endsWith(TreeNode.LINK_SUFFIX) ? path + " add link " + name + " " + PythonRepr.str(value)
						: path + " add property " + name + " = " + PythonRepr.str(value));
			}
		});
		return lines;
	}

	private static SortedMap<String, Object> sorted(Map<String, Object> properties) {
		SortedMap<String, Object> sorted = new TreeMap<>(CodePointOrder.NAMES);
		sorted.putAll(properties);
		return sorted;
	}
}
