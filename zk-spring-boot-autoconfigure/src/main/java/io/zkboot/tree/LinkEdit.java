package io.zkboot.tree;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The change zc.zk's {@code ln(target, linkPath)} makes: set the property {@code name ->} of
 * the link's parent node to the target. Nothing checks that the target exists.
 *
 * @param node     the path of the node that holds the link ({@code /} for the root)
 * @param property the stored property name, {@code name ->}
 * @param target   the link target
 */
record LinkEdit(String node, String property, String target) {

	/**
	 * Plans a symbolic link at {@code linkPath} pointing to {@code target}. A target ending in
	 * {@code /} gets the link's name appended ({@code ln("/t/", "/a/l")} links to {@code /t/l}).
	 *
	 * @param target   the path the link points to, absolute or relative to the link's parent
	 * @param linkPath the path of the link
	 * @return the edit to apply to the parent's properties
	 */
	static LinkEdit ln(String target, String linkPath) {
		int slash = linkPath.lastIndexOf('/');
		String base = linkPath.substring(0, Math.max(slash, 0));
		String name = linkPath.substring(slash + 1);
		String to = target.endsWith("/") ? target + name : target;
		return new LinkEdit(base.isEmpty() ? "/" : base, name + TreeNode.LINK_SUFFIX, to);
	}

	/**
	 * Applies the edit to the parent's properties.
	 *
	 * @param properties the parent's current properties
	 * @return a new map with the link set (replacing any link of the same name)
	 */
	public Map<String, Object> applyTo(Map<String, Object> properties) {
		Map<String, Object> updated = new LinkedHashMap<>(properties);
		updated.put(property, target);
		return updated;
	}
}
