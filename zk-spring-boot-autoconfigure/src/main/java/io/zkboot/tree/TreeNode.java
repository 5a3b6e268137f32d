package io.zkboot.tree;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import io.zkboot.core.internal.CodePointOrder;
import org.jspecify.annotations.Nullable;

/**
 * One node of a tree: a name, its properties as stored in ZooKeeper (the node type under
 * {@value #TYPE}, symbolic links under names ending in {@value #LINK_SUFFIX}, property links
 * under names ending in {@value #PROPERTY_LINK_SUFFIX}), and its children sorted by name in
 * code point order.
 *
 * <p>A parsed text, or an exported subtree, is an anonymous root (empty name, no properties)
 * whose children are the top-level nodes. Nodes that came from a text know where each of their
 * lines was ({@link #location()}, {@link #propertyLocation(String)}).
 */
public final class TreeNode {

	/** The property holding the node type. */
	public static final String TYPE = "type";

	/** The suffix of a symbolic link's property name: {@code "providers ->"}. */
	public static final String LINK_SUFFIX = " ->";

	/** The suffix of a property link's property name: {@code "threads =>"}. */
	public static final String PROPERTY_LINK_SUFFIX = " =>";

	private final String name;

	private final @Nullable Location location;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	private final Map<String, Location> propertyLocations = new HashMap<>();

	private final SortedMap<String, TreeNode> children = new TreeMap<>(CodePointOrder.NAMES);

	/**
	 * Creates a node.
	 *
	 * @param name     the node name (a single path segment; empty for the anonymous root)
	 * @param location where the node line is, or {@code null} for nodes not read from a text
	 */
	public TreeNode(String name, @Nullable Location location) {
		this.name = name;
		this.location = location;
	}

	/**
	 * Creates an anonymous root.
	 *
	 * @return a new root without location
	 */
	public static TreeNode root() {
		return new TreeNode("", null);
	}

	/**
	 * Returns the node name.
	 *
	 * @return the name, empty for the anonymous root
	 */
	public String name() {
		return name;
	}

	/**
	 * Returns where the node line is.
	 *
	 * @return the location, empty for nodes not read from a text
	 */
	public Optional<Location> location() {
		return Optional.ofNullable(location);
	}

	/**
	 * Returns all properties as stored, including type, links and property links.
	 *
	 * @return an unmodifiable view in insertion order
	 */
	public Map<String, Object> properties() {
		return Collections.unmodifiableMap(properties);
	}

	/**
	 * Returns the node type (the {@value #TYPE} property).
	 *
	 * @return the type, empty if none is set
	 */
	public Optional<Object> type() {
		return Optional.ofNullable(properties.get(TYPE));
	}

	/**
	 * Returns the symbolic links: link name (without {@value #LINK_SUFFIX}) to target.
	 *
	 * @return a new map sorted by name
	 */
	public SortedMap<String, Object> links() {
		return withSuffix(LINK_SUFFIX);
	}

	/**
	 * Returns the property links: property name (without {@value #PROPERTY_LINK_SUFFIX}) to
	 * {@code path [property]}.
	 *
	 * @return a new map sorted by name
	 */
	public SortedMap<String, Object> propertyLinks() {
		return withSuffix(PROPERTY_LINK_SUFFIX);
	}

	private SortedMap<String, Object> withSuffix(String suffix) {
		SortedMap<String, Object> found = new TreeMap<>(CodePointOrder.NAMES);
		properties.forEach((key, value) -> {
			if (key.endsWith(suffix)) {
				found.put(key.substring(0, key.length() - suffix.length()), value);
			}
		});
		return found;
	}

	/**
	 * Returns where a property line is.
	 *
	 * @param property the stored property name (for links with their suffix)
	 * @return the location, empty if unknown
	 */
	public Optional<Location> propertyLocation(String property) {
		return Optional.ofNullable(propertyLocations.get(property));
	}

	/**
	 * Sets a property, replacing any earlier value.
	 *
	 * @param property the stored property name
	 * @param value    a JSON-compatible value
	 * @param where    the location of its line, or {@code null}
	 * @return this node
	 */
	public TreeNode putProperty(String property, Object value, @Nullable Location where) {
		properties.put(property, value);
		if (where != null) {
			propertyLocations.put(property, where);
		}
		return this;
	}

	/**
	 * Returns the children sorted by name in code point order.
	 *
	 * @return an unmodifiable view
	 */
	public SortedMap<String, TreeNode> children() {
		return Collections.unmodifiableSortedMap(children);
	}

	/**
	 * Returns one child.
	 *
	 * @param childName the child's name
	 * @return the child, empty if there is none of that name
	 */
	public Optional<TreeNode> child(String childName) {
		return Optional.ofNullable(children.get(childName));
	}

	/**
	 * Adds a child.
	 *
	 * @param child the new child
	 * @return the child
	 * @throws IllegalArgumentException if a child of that name exists
	 */
	public TreeNode addChild(TreeNode child) {
		if (children.putIfAbsent(child.name(), child) != null) {
			throw new IllegalArgumentException("duplicate node: " + child.name());
		}
		return child;
	}

	/**
	 * Describes the node for debugging.
	 *
	 * @return a short description for debugging
	 */
	@Override
	public String toString() {
		return "TreeNode[" + name + ", " + properties + ", children=" + children.keySet() + "]";
	}
}
