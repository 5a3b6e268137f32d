package io.zkboot.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Resolves paths through symbolic links as zc.zk's {@code resolve} does.
 *
 * <p>A node's property {@code name ->} makes a virtual child {@code name} found at the property's
 * value, an absolute path or one relative to the node holding the link; {@code .} and
 * {@code ..} work as usual. Links may sit anywhere in a path and may chain; a real child always
 * shadows a link of the same name.
 */
public final class LinkResolver {

	private static final Pattern DOT = Pattern.compile("/\\.(/|$)");

	private static final Pattern DOT_DOT = Pattern.compile("/[^/]+/\\.\\.(/|$)");

	private final NodeReader reader;

	/**
	 * Creates a resolver.
	 *
	 * @param reader where the nodes are read
	 */
	public LinkResolver(NodeReader reader) {
		this.reader = reader;
	}

	/**
	 * Resolves a path to the real path of a node.
	 *
	 * @param path an absolute path, possibly through links
	 * @return the real path ({@code /} for the root)
	 * @throws NoSuchNodeException if the path leads nowhere (naming {@code path})
	 * @throws LinkLoopException   if links lead in a circle (naming the paths followed)
	 */
	public String resolve(String path) {
		return resolve(path, List.of());
	}

	String resolve(String path, List<String> seen) {
		String resolved = follow(normalizeDots(path), seen);
		return resolved.isEmpty() ? "/" : resolved;
	}

	/**
	 * Removes {@code .} segments and folds {@code name/..} pairs, as zc.zk does ({@code /..}
	 * stays, {@code /a/..} becomes the empty path, meaning the root).
	 *
	 * @param path an absolute path
	 * @return the path without dot segments
	 */
	public static String normalizeDots(String path) {
		String previous;
		String current = path;
		do {
			previous = current;
			current = DOT.matcher(current).replaceAll("$1");
			current = DOT_DOT.matcher(current).replaceAll("$1");
		} while (!current.equals(previous));
		return current;
	}

	private String follow(String path, List<String> seen) {
		if (reader.exists(path.isEmpty() ? "/" : path)) {
			return path;
		}
		if (seen.contains(path)) {
			List<String> loop = new ArrayList<>(seen);
			loop.add(path);
			throw new LinkLoopException(loop);
		}
		try {
			int slash = path.lastIndexOf('/');
			if (slash < 0) {
				throw new NoSuchNodeException(path);
			}
			String base = follow(normalizeDots(path.substring(0, slash)), seen);
			String name = path.substring(slash + 1);
			String direct = base + "/" + name;
			if (reader.exists(direct)) {
				return direct;
			}
			Object target = reader.properties(base.isEmpty() ? "/" : base).orElseThrow(() -> new NoSuchNodeException(direct))
					.get(name + TreeNode.LINK_SUFFIX);
			if (!(target instanceof String link) || link.isEmpty()) {
				throw new NoSuchNodeException(direct);
			}
			List<String> followed = new ArrayList<>(seen);
			followed.add(path);
			return follow(normalizeDots(link.startsWith("/") ? link : base + "/" + link), followed);
		}
		catch (NoSuchNodeException notFound) {
			throw new NoSuchNodeException(path);
		}
	}
}
