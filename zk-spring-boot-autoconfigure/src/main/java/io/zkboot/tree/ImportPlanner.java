package io.zkboot.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zkboot.core.InvalidNodeDataException;
import io.zkboot.core.NodeProperties;

/**
 * Computes what importing a parsed tree under a path would do to the existing nodes, as
 * zc.zk's {@code import_tree} does it. Pure: it reads the existing state from node records
 * and returns an {@link ImportPlan}.
 *
 * <p>The text's top-level nodes go under the import path, which itself is never created,
 * changed or trimmed. Every node of the text gets exactly the text's properties (properties
 * not in the text are removed). Existing nodes that the text does not list are handled per
 * {@link Trim}, except the import path's own children, which are never touched.
 */
public final class ImportPlanner {

	private final NodeIndex existing;

	private final Trim trim;

	private final List<ImportStep> steps = new ArrayList<>();

	private ImportPlanner(NodeIndex existing, Trim trim) {
		this.existing = existing;
		this.trim = trim;
	}

	/**
	 * Plans an import.
	 *
	 * @param tree       the parsed text (an anonymous root)
	 * @param importPath where the text's top-level nodes go ({@code /} for the root)
	 * @param existing   the records of the subtree at the import path as it is now
	 * @param trim       what to do with existing nodes the text does not list
	 * @return the plan
	 * @throws IllegalArgumentException if a property value has no JSON form
	 */
	public static ImportPlan plan(TreeNode tree, String importPath, List<NodeRecord> existing, Trim trim) {
		ImportPlanner planner = new ImportPlanner(new NodeIndex(existing), trim);
		planner.visit(NodeIndex.key(importPath), tree, true);
		return new ImportPlan(planner.steps);
	}

	private void visit(String path, TreeNode node, boolean top) {
		if (!top) {
			for (String child : existing.children(path)) {
				if (node.child(child).isEmpty()) {
					extra(path + "/" + child);
				}
			}
		}
		for (TreeNode child : node.children().values()) {
			String childPath = path + "/" + child.name();
			byte[] data = NodeProperties.encode(child.properties());
			if (existing.exists(childPath)) {
				List<String> changes = changes(childPath, existing.get(childPath).data(), child.properties());
				steps.add(changes.isEmpty() ? new ImportStep.Unchanged(childPath) : new ImportStep.Update(childPath, data, changes));
				visit(childPath, child, false);
			}
			else {
				steps.add(new ImportStep.Create(childPath, data, true));
				create(childPath, child);
			}
		}
	}

	/**
	 * Describes how a node's properties change; a node whose data is invalid JSON is replaced
	 * by the text's properties, which is how an import repairs it.
	 */
	private static List<String> changes(String path, byte[] data, Map<String, Object> after) {
		try {
			return PropertyDiff.describe(path, NodeProperties.decode(path, data), after);
		}
		catch (InvalidNodeDataException invalid) {
			return List.of(path + " replace data that is not valid JSON (" + invalid.getMessage() + ")");
		}
	}

	private void create(String path, TreeNode node) {
		for (TreeNode child : node.children().values()) {
			String childPath = path + "/" + child.name();
			steps.add(new ImportStep.Create(childPath, NodeProperties.encode(child.properties()), false));
			create(childPath, child);
		}
	}

	private void extra(String path) {
		switch (trim) {
			case WARN -> steps.add(new ImportStep.ExtraPath(path));
			case DELETE -> RecursiveDelete.plan(existing, path, steps);
			case KEEP -> {
				// left in place silently
			}
		}
	}
}
