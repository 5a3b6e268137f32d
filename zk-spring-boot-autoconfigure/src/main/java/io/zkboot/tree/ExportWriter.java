package io.zkboot.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.zkboot.core.NodeProperties;
import io.zkboot.core.ZkNoNodeException;
import io.zkboot.core.ZkNode;
import io.zkboot.core.ZkPath;
import io.zkboot.core.ZkTemplate;
import io.zkboot.core.internal.CodePointOrder;

/**
 * Writes a subtree as tree text while reading it, in the order and layout of
 * {@link TreeExport} and {@link TreeRenderer}: a node's children are read together (data and
 * {@code Stat} in one pipelined call, {@link ZkTemplate#getChildrenWithData}) when the node
 * has been written, and each child is written before the next one's children are read. What
 * is held at any time is the children of the nodes on the current path, not the subtree nor
 * its text.
 */
final class ExportWriter {

	private static final String RESERVED = "zookeeper";

	private static final Comparator<ZkNode> BY_NAME = Comparator.comparing(ExportWriter::name, CodePointOrder.NAMES);

	private final ZkTemplate template;

	private final Writer out;

	private final boolean ephemeral;

	private String top;

	private boolean written;

	ExportWriter(ZkTemplate template, Writer out, boolean ephemeral) {
		this.template = template;
		this.out = out;
		this.ephemeral = ephemeral;
	}

	/**
	 * Writes the subtree at {@code path}; a single line feed when nothing is exported.
	 *
	 * @param path the subtree's path; {@code /} writes every top-level node but {@code /zookeeper}
	 * @param name a new name for the top node, or {@code null}; when exporting {@code /}, a name
	 *             wraps all top-level nodes in a node of that name
	 * @throws ZkNoNodeException if there is no node at {@code path}
	 * @throws UncheckedIOException if the writer fails
	 */
	void write(String path, String name) {
		this.top = path;
		if (path.equals("/")) {
			String indent = "";
			if (name != null) {
				emit(new StringBuilder(), name, null, "/", indent);
				indent = TreeRenderer.deeper(indent);
			}
			for (ZkNode top : children("/")) {
				if (!name(top).equals(RESERVED)) {
					node(top, name(top), indent);
				}
			}
		}
		else {
			ZkNode top = this.template.get(path);
			node(top, (name != null) ? name : name(top), "");
		}
		if (!this.written) {
			append("\n");
		}
	}

	private void node(ZkNode node, String label, String indent) {
		if (node.isEphemeral() && !this.ephemeral) {
			return;
		}
		emit(new StringBuilder(), label, node.data(), node.path(), indent);
		if (node.stat().getNumChildren() > 0) {
			String below = TreeRenderer.deeper(indent);
			for (ZkNode child : children(node.path())) {
				node(child, name(child), below);
			}
		}
	}

	private void emit(StringBuilder lines, String label, byte[] data, String path, String indent) {
		TreeRenderer.lines(lines, label, NodeProperties.decode(path, data), indent);
		append(lines);
	}

	private List<ZkNode> children(String path) {
		try {
			List<ZkNode> children = new ArrayList<>(this.template.getChildrenWithData(path));
			children.sort(BY_NAME);
			return children;
		}
		catch (ZkNoNodeException ex) {
			// deleted since its parent was read, as a node missing from a whole-tree read
			return List.of();
		}
	}

	private void append(CharSequence text) {
		try {
			this.out.append(text);
			this.written = true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the export of the tree at " + this.top, ex);
		}
	}

	private static String name(ZkNode node) {
		return ZkPath.name(node.path());
	}

}
