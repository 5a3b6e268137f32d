package io.zkboot.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;

import io.zkboot.core.ZkException;
import io.zkboot.core.ZkInvalidPathException;
import org.jspecify.annotations.Nullable;

/**
 * Reads properties through property links as zc.zk's properties objects do.
 *
 * <p>A property {@code name =>} with the value {@code path [property]} makes {@code name} read
 * {@code property} (default: {@code name}) of the node at {@code path}; a relative path is
 * relative to the path the properties were read at (before symbolic links were followed), and
 * it is resolved through symbolic links. Links may chain; a stored property shadows a link of
 * the same name.
 *
 * <p>A link that leads nowhere, into a loop, to a path ZooKeeper refuses or to data that is not
 * JSON is a {@link BadPropertyLinkException}; a failure to read ZooKeeper (a lost connection, for
 * example) is not about the link and is thrown as the reader's {@link ZkException}.
 */
public final class PropertyLinkReader {

	private final NodeReader reader;

	private final LinkResolver resolver;

	/**
	 * Creates a property reader.
	 *
	 * @param reader where the nodes are read
	 */
	public PropertyLinkReader(NodeReader reader) {
		this.reader = reader;
		this.resolver = new LinkResolver(reader);
	}

	/**
	 * Reads one property of a node, following property links.
	 *
	 * @param path the node's path, possibly through symbolic links
	 * @param name the property name (without {@code  =>})
	 * @return the value, possibly {@code null}
	 * @throws NoSuchNodeException      if the path leads nowhere
	 * @throws NoSuchElementException   if the node has neither the property nor a link for it
	 * @throws BadPropertyLinkException if the link cannot be followed
	 * @throws ZkException              if ZooKeeper cannot be read
	 */
	public @Nullable Object get(String path, String name) {
		return lookup(path, properties(resolver.resolve(path)), name, List.of());
	}

	/**
	 * Follows one property link, whether or not a stored property shadows it.
	 *
	 * @param path the path of the node holding the link
	 * @param name the property name (without {@code  =>})
	 * @param link the link value, {@code path [property]}
	 * @return the linked value, possibly {@code null}
	 * @throws BadPropertyLinkException if the link cannot be followed
	 * @throws ZkException              if ZooKeeper cannot be read
	 */
	public @Nullable Object follow(String path, String name, Object link) {
		return follow(path, name, link, List.of());
	}

	/**
	 * Reads all of a node's properties as zc.zk's mapping view shows them, in stored order: every
	 * stored property but the property links, and for each link {@code name =>} not shadowed by a
	 * stored {@code name}, {@code name} with the linked value. Symbolic links ({@code name ->})
	 * are ordinary properties here.
	 *
	 * @param path the path the properties were read at, which relative links start from
	 * @param stored the node's properties as stored
	 * @param property given each property's name and value
	 * @param badLink given the name and the failure of each link that cannot be followed, in
	 * place of {@code property}
	 * @throws ZkException if ZooKeeper cannot be read (not a bad link: nothing more is read)
	 */
	public void readAll(String path, Map<String, Object> stored, BiConsumer<String, Object> property,
			BiConsumer<String, BadPropertyLinkException> badLink) {
		stored.forEach((name, value) -> {
			if (!name.endsWith(TreeNode.PROPERTY_LINK_SUFFIX)) {
				property.accept(name, value);
				return;
			}
			String linked = name.substring(0, name.length() - TreeNode.PROPERTY_LINK_SUFFIX.length());
			if (stored.containsKey(linked)) {
				return;
			}
			Object followed;
			try {
				followed = follow(path, linked, value);
			}
			catch (BadPropertyLinkException ex) {
				badLink.accept(linked, ex);
				return;
			}
			property.accept(linked, followed);
		});
	}

	private Object lookup(String path, Map<String, Object> properties, String name, List<String> seen) {
		if (properties.containsKey(name)) {
			return properties.get(name);
		}
		String linkName = name + TreeNode.PROPERTY_LINK_SUFFIX;
		if (!properties.containsKey(linkName)) {
			throw new NoSuchElementException("no property " + name + " at " + path);
		}
		return follow(path, name, properties.get(linkName), seen);
	}

	private Object follow(String path, String name, Object link, List<String> seen) {
		try {
			String[] tokens = String.valueOf(link).strip().split("\\s+");
			if (tokens.length > 2 || tokens[0].isEmpty()) {
				throw new IllegalArgumentException("Invalid property link");
			}
			String target = tokens[0].startsWith("/") ? tokens[0] : path + "/" + tokens[0];
			String resolved = resolver.resolve(target);
			List<String> visited = new ArrayList<>(seen);
			visited.add(resolved);
			if (seen.contains(resolved)) {
				throw new LinkLoopException(visited);
			}
			return lookup(target, properties(resolved), tokens.length > 1 ? tokens[1] : name, visited);
		}
		catch (ZkException ex) {
			if (!(ex instanceof ZkInvalidPathException)) {
				throw ex;
			}
			throw new BadPropertyLinkException(name + TreeNode.PROPERTY_LINK_SUFFIX, link, ex);
		}
		catch (RuntimeException cause) {
			throw new BadPropertyLinkException(name + TreeNode.PROPERTY_LINK_SUFFIX, link, cause);
		}
	}

	private Map<String, Object> properties(String path) {
		return reader.properties(path).orElseThrow(() -> new NoSuchNodeException(path));
	}
}
