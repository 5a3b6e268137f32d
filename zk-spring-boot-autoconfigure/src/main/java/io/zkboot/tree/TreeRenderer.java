package io.zkboot.tree;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.zkboot.core.internal.CodePointOrder;

/**
 * Renders a tree model as tree-definition text, in zc.zk's export layout: two spaces per
 * level; for each node its line ({@code /name : type}), then its properties, then its symbolic
 * links, then its children, each group sorted by name in code point order.
 *
 * <p>Values print as Python 3's {@code repr}; links as {@code name -> target}; property links
 * as {@code name => target} (so they read back as links). A type is printed on the node line
 * when it is a string the node line can carry (non-blank, no surrounding or line-breaking
 * whitespace); any other type is printed as a {@code type = ...} property line, so that it
 * reads back unchanged.
 */
public final class TreeRenderer {

	private static final String INDENT = "  ";

	private TreeRenderer() {
	}

	/**
	 * Renders the children of an anonymous root (the root's own properties are not rendered).
	 *
	 * @param root the anonymous root of a parsed or exported tree
	 * @return the text, each line ending in a line feed; a single line feed for an empty tree
	 */
	public static String render(TreeNode root) {
		StringBuilder out = new StringBuilder();
		root.children().values().forEach(child -> node(out, child, ""));
		return out.length() == 0 ? "\n" : out.toString();
	}

	private static void node(StringBuilder out, TreeNode node, String indent) {
		lines(out, node.name(), node.properties(), indent);
		node.children().values().forEach(child -> node(out, child, deeper(indent)));
	}

	/**
	 * Renders one node without its children: its line, then its properties, then its symbolic
	 * links.
	 *
	 * @param out        where the lines go
	 * @param name       the node's name
	 * @param properties the node's properties, in any order
	 * @param indent     the node line's indentation
	 */
	static void lines(StringBuilder out, String name, Map<String, Object> properties, String indent) {
		SortedMap<String, Object> sorted = new TreeMap<>(CodePointOrder.NAMES);
		sorted.putAll(properties);
		out.append(indent).append('/').append(name);
		Object type = sorted.get(TreeNode.TYPE);
		if (type instanceof String text && fitsNodeLine(text)) {
			out.append(" : ").append(text);
			sorted.remove(TreeNode.TYPE);
		}
		out.append('\n');
		String body = indent + INDENT;
		for (Map.Entry<String, Object> property : sorted.entrySet()) {
			String key = property.getKey();
			if (key.endsWith(TreeNode.PROPERTY_LINK_SUFFIX)) {
				out.append(body).append(key).append(' ').append(PythonRepr.str(property.getValue())).append('\n');
			}
			else if (!key.endsWith(TreeNode.LINK_SUFFIX)) {
				out.append(body).append(key).append(" = ").append(PythonRepr.repr(property.getValue())).append('\n');
			}
		}
		sorted.forEach((key, target) -> {
			if (key.endsWith(TreeNode.LINK_SUFFIX)) {
				out.append(body).append(key).append(' ').append(PythonRepr.str(target)).append('\n');
			}
		});
	}

	/**
	 * The indentation of the level below.
	 *
	 * @param indent a node line's indentation
	 * @return its children's indentation
	 */
	static String deeper(String indent) {
		return indent + INDENT;
	}

	private static boolean fitsNodeLine(String type) {
		return !type.isEmpty() && type.strip().equals(type) && type.chars().noneMatch(c -> c == '\n' || c == '\r');
	}
}
