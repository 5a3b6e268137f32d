package io.zkboot.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.zkboot.tree.BadPropertyLinkException;
import io.zkboot.tree.LiteralSyntaxException;
import io.zkboot.tree.PropertyLinkReader;
import io.zkboot.tree.PythonLiteral;
import io.zkboot.tree.TreeNode;

/**
 * The {@code NAME=VALUE} arguments of {@code zk set} and {@code zk create}, as properties to
 * store: {@code NAME=VALUE} a value in the tree format's syntax, {@code NAME->PATH} a symbolic
 * link, {@code NAME=>PATH [PROPERTY]} a property link. The first of {@code =} and {@code ->}
 * in the argument decides which.
 */
final class Assignments {

	/**
	 * A value the shell has stripped of its quotes ({@code message='hi'} arrives as
	 * {@code message=hi}): shown again with quotes the shell keeps.
	 */
	private static final Pattern UNQUOTED_TEXT = Pattern.compile("[^'\"\\\\$`!]+");

	private final Map<String, Object> properties;

	private Assignments(Map<String, Object> properties) {
		this.properties = properties;
	}

	/**
	 * Reads the arguments.
	 * @param arguments {@code NAME=VALUE}, {@code NAME->PATH} or {@code NAME=>PATH [PROPERTY]}
	 * @return the properties they set, in argument order
	 * @throws CliException for an argument of none of these forms or a value that is not a literal
	 */
	static Assignments parse(List<String> arguments) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			int arrow = argument.indexOf("->");
			if (arrow > 0 && (equals < 0 || arrow < equals)) {
				properties.put(name(argument, arrow) + TreeNode.LINK_SUFFIX, linkTarget(argument, arrow + 2, false));
			}
			else if (equals > 0 && argument.startsWith(">", equals + 1)) {
				properties.put(name(argument, equals) + TreeNode.PROPERTY_LINK_SUFFIX,
						linkTarget(argument, equals + 2, true));
			}
			else if (equals > 0) {
				String name = name(argument, equals);
				properties.put(name, value(name, argument.substring(equals + 1).strip()));
			}
			else {
				throw new CliException("expected NAME=VALUE, NAME->PATH or NAME=>PATH, got: " + argument);
			}
		}
		return new Assignments(properties);
	}

	private static String name(String argument, int end) {
		String name = argument.substring(0, end).strip();
		if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
			throw new CliException("expected a name without spaces before '" + argument.charAt(end) + "', got: "
					+ argument);
		}
		return name;
	}

	private static String linkTarget(String argument, int start, boolean propertyLink) {
		String target = argument.substring(start).strip();
		int tokens = target.isEmpty() ? 0 : target.split("\\s+").length;
		if (tokens == 0 || tokens > (propertyLink ? 2 : 1)) {
			throw new CliException("expected " + (propertyLink ? "NAME=>PATH [PROPERTY]" : "NAME->PATH") + ", got: "
					+ argument);
		}
		return target;
	}

	private static Object value(String name, String text) {
		try {
			return PythonLiteral.parse(text);
		}
		catch (LiteralSyntaxException ex) {
			String message = "bad value for " + name + " at column " + (ex.offset() + 1) + ": " + ex.reason();
			if (UNQUOTED_TEXT.matcher(text).matches()) {
				message += "; a string needs quotes the shell keeps: " + name + "=\"'" + text + "'\"";
			}
			throw new CliException(message);
		}
	}

	/**
	 * Checks that each property link leads to a property, as zc.zk checks before it writes.
	 * @param path the node the properties are written to, which relative links start from
	 * @param links where linked nodes are read
	 * @throws CliException naming the first link that cannot be followed
	 */
	void checkPropertyLinks(String path, PropertyLinkReader links) {
		this.properties.forEach((name, value) -> {
			if (name.endsWith(TreeNode.PROPERTY_LINK_SUFFIX)) {
				try {
					links.follow(path, name.substring(0, name.length() - TreeNode.PROPERTY_LINK_SUFFIX.length()), value);
				}
				catch (BadPropertyLinkException ex) {
					throw new CliException(ex.getMessage());
				}
			}
		});
	}

	/**
	 * Returns the properties.
	 * @return the properties, in argument order
	 */
	Map<String, Object> properties() {
		return this.properties;
	}

}
