package io.zkboot.tree;

import org.jspecify.annotations.Nullable;

/**
 * How {@link ZkTree#export(String, ExportOptions)} exports a subtree, after zc.zk's
 * {@code export_tree(path, ephemeral, name)}. Immutable; the {@code with...} methods return a
 * new instance.
 *
 * @param ephemeral whether ephemeral nodes are exported too (zc.zk leaves them out by default)
 * @param name      a new name for the top node, or {@code null} to keep its own; when exporting
 *                  {@code /}, a name wraps all top-level nodes in one node of that name
 */
public record ExportOptions(boolean ephemeral, @Nullable String name) {

	/**
	 * Returns zc.zk's defaults: ephemeral nodes left out, the top node keeps its name.
	 *
	 * @return the default options
	 */
	public static ExportOptions defaults() {
		return new ExportOptions(false, null);
	}

	/**
	 * Returns these options with ephemeral nodes exported too.
	 *
	 * @return the new options
	 */
	public ExportOptions withEphemeral() {
		return new ExportOptions(true, name);
	}

	/**
	 * Returns these options with a new name for the top node, for copying a subtree elsewhere.
	 *
	 * @param topName the name, a single path segment without {@code /}
	 * @return the new options
	 */
	public ExportOptions withName(String topName) {
		return new ExportOptions(ephemeral, topName);
	}
}
