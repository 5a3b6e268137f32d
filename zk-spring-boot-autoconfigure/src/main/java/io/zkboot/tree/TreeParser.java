package io.zkboot.tree;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.zookeeper.common.PathUtils;
import org.jspecify.annotations.Nullable;

/**
 * Reads the zc.zk tree-definition text into a {@link TreeNode} model, line by line as zc.zk's
 * {@code parse_tree} does.
 *
 * <p>Each significant line (not blank, not a {@code #} comment) is, in this order of trial, a
 * property link ({@code name => path [property]}), a property ({@code name = literal}), a
 * symbolic link ({@code name -> path}) or a node line ({@code /name} or {@code /name : type}).
 * Nesting follows indentation: a deeper line belongs to the node above it; any amount of
 * indentation works, as long as a dedent returns to a column that is open.
 *
 * <p>Errors are {@link TreeSyntaxException}s naming the source, line and column. A node or a
 * property given twice under the same node is an error, as in zc.zk; so are node names that
 * ZooKeeper refuses ({@code .}, {@code ..}, NUL, ...) and nodes nested deeper than
 * {@value #MAX_DEPTH} levels. {@link #decode(byte[], String)} reads a file's bytes as strict
 * UTF-8.
 */
public final class TreeParser {

	private static final Pattern PROPERTY_LINK = Pattern.compile("(\\S+)\\s*=>\\s*(\\S+(?:\\s+\\S+)?)(?:\\s+/\\S+)?", Pattern.DOTALL);

	private static final Pattern PROPERTY = Pattern.compile("(\\S+)\\s*=\\s*(\\S.*)", Pattern.DOTALL);

	private static final Pattern LINK = Pattern.compile("(\\S+)\\s*->\\s*(\\S+)", Pattern.DOTALL);

	private static final Pattern NODE = Pattern.compile("/(\\S+)(?:\\s*:\\s*(\\S.*))?", Pattern.DOTALL);

	/** The reason and index in ZooKeeper's message: {@code Invalid path string "/." caused by relative paths not allowed @1}. */
	private static final Pattern PATH_ERROR = Pattern.compile("caused by (.*) @(\\d+)$", Pattern.DOTALL);

	private static final String WHITESPACE = " \t\n\u000b\f\r";

	/** How deep nodes may nest. */
	static final int MAX_DEPTH = 1000;

	private final String source;

	private final TreeNode root = TreeNode.root();

	private final List<Level> stack = new ArrayList<>();

	private TreeParser(String source) {
		this.source = source;
		stack.add(new Level(-1, root));
	}

	/**
	 * Reads a tree file's bytes as UTF-8, strictly: a byte that is not UTF-8, an overlong form,
	 * an encoded surrogate or a character cut short is an error, not a replacement character.
	 *
	 * @param bytes  the file's bytes
	 * @param source the name used in error messages, for example a file name
	 * @return the text
	 * @throws TreeSyntaxException naming the line and column of the first bad byte
	 */
	public static String decode(byte[] bytes, String source) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int bad = in.position();
			int lineStart = bad;
			while (lineStart > 0 && bytes[lineStart - 1] != '\n') {
				lineStart--;
			}
			int line = 1;
			for (int i = 0; i < lineStart; i++) {
				line += (bytes[i] == '\n') ? 1 : 0;
			}
			int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
			throw new TreeSyntaxException(new Location(source, line, column),
					String.format("not UTF-8: bad byte 0x%02x", bytes[bad] & 0xff));
		}
		return out.flip().toString();
	}

	/**
	 * Parses a tree text.
	 *
	 * @param text   the tree-definition text
	 * @param source the name used in error messages, for example a file name
	 * @return the anonymous root whose children are the text's top-level nodes
	 * @throws TreeSyntaxException if the text is not a valid tree
	 */
	public static TreeNode parse(String text, String source) {
		TreeParser parser = new TreeParser(source);
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			parser.line(i + 1, lines[i]);
		}
		return parser.root;
	}

	private void line(int number, String raw) {
		String line = stripTrailing(raw);
		int indent = 0;
		while (indent < line.length() && WHITESPACE.indexOf(line.charAt(indent)) >= 0) {
			indent++;
		}
		String content = line.substring(indent);
		if (content.isEmpty() || content.startsWith("#")) {
			return;
		}
		Location at = new Location(source, number, indent + 1);
		Object item = classify(content, at);
		Level top = stack.get(stack.size() - 1);
		if (indent > top.indent()) {
			if (top.item() instanceof Property) {
				throw new TreeSyntaxException(at, "Can't indent under properties");
			}
			if (stack.size() > MAX_DEPTH) {
				throw new TreeSyntaxException(at, "nodes nest deeper than " + MAX_DEPTH + " levels");
			}
			stack.add(new Level(indent, item));
		}
		else {
			while (indent < top.indent()) {
				stack.remove(stack.size() - 1);
				top = stack.get(stack.size() - 1);
			}
			if (indent > top.indent()) {
				throw new TreeSyntaxException(at, "Invalid indentation");
			}
		}
		TreeNode parent = (TreeNode) stack.get(stack.size() - 2).item();
		if (item instanceof TreeNode node) {
			attach(parent, node, at);
			stack.set(stack.size() - 1, new Level(indent, node));
		}
		else {
			store(parent, (Property) item, at);
		}
	}

	private Object classify(String content, Location at) {
		Matcher m;
		if ((m = PROPERTY_LINK.matcher(content)).matches()) {
			return new Property(m.group(1) + TreeNode.PROPERTY_LINK_SUFFIX, m.group(2));
		}
		if ((m = PROPERTY.matcher(content)).matches()) {
			return new Property(m.group(1), value(m.group(2), at, m.start(2)));
		}
		if ((m = LINK.matcher(content)).matches()) {
			return new Property(m.group(1) + TreeNode.LINK_SUFFIX, m.group(2));
		}
		if ((m = NODE.matcher(content)).matches()) {
			requireValidName(m.group(1), at);
			TreeNode node = new TreeNode(m.group(1), at);
			if (m.group(2) != null) {
				node.putProperty(TreeNode.TYPE, m.group(2), new Location(source, at.line(), at.column() + m.start(2)));
			}
			return node;
		}
		if (content.contains("->")) {
			throw new TreeSyntaxException(at, "Bad link format: " + content);
		}
		throw new TreeSyntaxException(at, "Unrecognized data: " + content);
	}

	/**
	 * Refuses a node name that ZooKeeper refuses: {@code .}, {@code ..}, an empty segment, NUL
	 * and the other characters of {@link PathUtils#validatePath(String)}. A name holding
	 * {@code /} (zc.zk's {@code /a/b} lines) makes a deeper path, as in zc.zk.
	 */
	private void requireValidName(String name, Location at) {
		String path = "/" + name;
		try {
			PathUtils.validatePath(path);
		}
		catch (IllegalArgumentException refused) {
			String reason = String.valueOf(refused.getMessage());
			int index = path.length() - 1;
			Matcher where = PATH_ERROR.matcher(reason);
			if (where.find()) {
				reason = where.group(1);
				index = Math.min(Integer.parseInt(where.group(2)), index);
			}
			throw new TreeSyntaxException(new Location(source, at.line(), at.column() + index),
					"bad node name /" + printable(name) + ": " + reason + " (ZooKeeper refuses it)");
		}
	}

	private static String printable(String name) {
		StringBuilder out = new StringBuilder();
		name.codePoints().forEach((c) -> {
			if (Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE
					|| Character.getType(c) == Character.PRIVATE_USE || Character.getType(c) == Character.UNASSIGNED) {
				out.append(String.format("\\u%04x", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

	private @Nullable Object value(String expression, Location at, int start) {
		try {
			return PythonLiteral.parse(expression);
		}
		catch (LiteralSyntaxException ex) {
			throw new TreeSyntaxException(new Location(source, at.line(), at.column() + start + ex.offset()), ex.reason());
		}
	}

	private void attach(TreeNode parent, TreeNode node, Location at) {
		parent.child(node.name()).ifPresent(first -> {
			throw new TreeSyntaxException(at, "duplicate node: /" + node.name() + first.location()
					.map(l -> " (first given at line " + l.line() + ")").orElse(""));
		});
		parent.addChild(node);
	}

	private void store(TreeNode parent, Property property, Location at) {
		if (parent == root) {
			throw new TreeSyntaxException(at, "Can't import properties above imported nodes.");
		}
		if (parent.properties().containsKey(property.name())) {
			throw new TreeSyntaxException(at, "duplicate property: " + property.name() + parent.propertyLocation(property.name())
					.map(l -> " (first given at line " + l.line() + ")").orElse(""));
		}
		parent.putProperty(property.name(), property.value(), at);
	}

	private static String stripTrailing(String line) {
		int end = line.length();
		while (end > 0 && WHITESPACE.indexOf(line.charAt(end - 1)) >= 0) {
			end--;
		}
		return line.substring(0, end);
	}

	/** A stored property read from one line. */
	private record Property(String name, @Nullable Object value) {
	}

	/** An open indentation level: the node, or the property, that opened it. */
	private record Level(int indent, Object item) {
	}
}
