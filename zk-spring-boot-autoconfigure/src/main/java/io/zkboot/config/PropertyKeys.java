package io.zkboot.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zkboot.tree.TreeNode;

/**
 * Turns a node's properties into Spring property names under a prefix: nested JSON objects
 * become dotted names ({@code db.pool.size}), arrays indexed names ({@code hosts[0]}), JSON
 * null the empty string. Symbolic links ({@code name ->}) are not configuration and are left
 * out, and so are property links ({@code name =>}), which {@link PropertyLinks} follows first.
 */
final class PropertyKeys {

	private PropertyKeys() {
	}

	/**
	 * Flattens properties.
	 * @param prefix the prefix, empty or ending with {@code .}
	 * @param properties the node's properties
	 * @return the flattened properties, in stored order
	 */
	static Map<String, Object> flatten(String prefix, Map<String, Object> properties) {
		Map<String, Object> flat = new LinkedHashMap<>();
		properties.forEach((name, value) -> {
			if (!name.endsWith(TreeNode.LINK_SUFFIX) && !name.endsWith(TreeNode.PROPERTY_LINK_SUFFIX)) {
				put(flat, prefix + name, value);
			}
		});
		return flat;
	}

	@SuppressWarnings("unchecked")
	private static void put(Map<String, Object> flat, String key, Object value) {
		if (value instanceof Map<?, ?> map) {
			((Map<String, Object>) map).forEach((name, nested) -> put(flat, key + "." + name, nested));
		}
		else if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				put(flat, key + "[" + i + "]", list.get(i));
			}
		}
		else {
			flat.put(key, (value != null) ? value : "");
		}
	}

}
