package io.zkboot.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks that the links of a tree lead somewhere: every symbolic link resolves to a node and
 * every property link to a property, without loops, and no link climbs above {@code /}
 * ({@code l -> ../../x} on a top-level node). The tree is seen through a {@link NodeReader},
 * so links can point into the tree itself ({@link NodeReader#forTree}) and beyond it, into
 * ZooKeeper.
 */
final class LinkChecker {

	private final LinkResolver resolver;

	private final PropertyLinkReader propertyLinks;

	private final List<LinkProblem> problems = new ArrayList<>();

	private LinkChecker(NodeReader reader) {
		this.resolver = new LinkResolver(reader);
		this.propertyLinks = new PropertyLinkReader(reader);
	}

	/**
	 * Checks the links of a tree.
	 *
	 * @param tree      a tree (an anonymous root), parsed or exported
	 * @param mountPath where the tree's top-level nodes are (the import or export path)
	 * @param reader    how nodes are seen, for example {@code NodeReader.forTree(tree, mountPath)}
	 * @return the problems found, in tree order (empty if every link is good)
	 */
	static List<LinkProblem> check(TreeNode tree, String mountPath, NodeReader reader) {
		LinkChecker checker = new LinkChecker(reader);
		String mount = NodeIndex.key(mountPath);
		tree.children().values().forEach(child -> checker.visit(mount + "/" + child.name(), child));
		return checker.problems;
	}

	/**
	 * Checks the links of a parsed tree on its own: links may point only into the tree and to
	 * the mount path's ancestors; the first problem is thrown.
	 *
	 * @param tree      a parsed tree
	 * @param mountPath where it will be imported
	 * @throws TreeSyntaxException for the first link that leads nowhere or into a loop
	 */
	static void requireValid(TreeNode tree, String mountPath) {
		List<LinkProblem> found = check(tree, mountPath, NodeReader.forTree(tree, mountPath));
		if (!found.isEmpty()) {
			throw found.get(0).toException();
		}
	}

	private void visit(String path, TreeNode node) {
		Map<String, Object> properties = node.properties();
		properties.forEach((property, value) -> {
			if (property.endsWith(TreeNode.LINK_SUFFIX)) {
				checkLink(path, node, property, value);
			}
			else if (property.endsWith(TreeNode.PROPERTY_LINK_SUFFIX)) {
				String name = property.substring(0, property.length() - TreeNode.PROPERTY_LINK_SUFFIX.length());
				if (!properties.containsKey(name)) {
					checkPropertyLink(path, node, property, name, value);
				}
			}
		});
		node.children().values().forEach(child -> visit(path + "/" + child.name(), child));
	}

	private void checkLink(String path, TreeNode node, String property, Object target) {
		String link = property + " " + target;
		if (!(target instanceof String text) || text.isEmpty()) {
			report(path, node, property, "link '" + link + "' has no target path");
			return;
		}
		String linkPath = path + "/" + property.substring(0, property.length() - TreeNode.LINK_SUFFIX.length());
		String absolute = text.startsWith("/") ? text : path + "/" + text;
		if (climbsAboveRoot(absolute)) {
			refuse(path, node, property, "link '" + link + "' climbs above /: " + absolute);
			return;
		}
		try {
			resolver.resolve(absolute, List.of(linkPath));
		}
		catch (NoSuchNodeException ex) {
			report(path, node, property, "link '" + link + "' leads nowhere: no node " + ex.path());
		}
		catch (LinkLoopException ex) {
			report(path, node, property, "link '" + link + "' is in a loop: " + String.join(" -> ", ex.paths()));
		}
	}

	private void checkPropertyLink(String path, TreeNode node, String property, String name, Object link) {
		String target = String.valueOf(link).strip().split("\\s+")[0];
		String absolute = target.startsWith("/") ? target : path + "/" + target;
		if (climbsAboveRoot(absolute)) {
			refuse(path, node, property, "property link '" + property + " " + link + "' climbs above /: " + absolute);
			return;
		}
		try {
			propertyLinks.follow(path, name, link);
		}
		catch (BadPropertyLinkException ex) {
			report(path, node, property, String.valueOf(ex.getMessage()));
		}
	}

	/** Whether {@code ..} segments lead above the root, where zc.zk's resolve finds nothing. */
	private static boolean climbsAboveRoot(String path) {
		int depth = 0;
		for (String segment : path.split("/")) {
			if (segment.equals("..")) {
				if (depth == 0) {
					return true;
				}
				depth--;
			}
			else if (!segment.isEmpty() && !segment.equals(".")) {
				depth++;
			}
		}
		return false;
	}

	private void report(String path, TreeNode node, String property, String reason) {
		problems.add(new LinkProblem(path, property, node.propertyLocation(property).orElse(null), reason, true));
	}

	private void refuse(String path, TreeNode node, String property, String reason) {
		problems.add(new LinkProblem(path, property, node.propertyLocation(property).orElse(null), reason, false));
	}
}
