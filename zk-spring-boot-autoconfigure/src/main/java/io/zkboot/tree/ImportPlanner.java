package io.zkboot.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zkboot.core.DeleteOptions;
import io.zkboot.core.InvalidNodeDataException;
import io.zkboot.core.NodeProperties;
import io.zkboot.core.SparedNode;
import io.zkboot.core.internal.DeleteDecision;
import org.jspecify.annotations.Nullable;

/**
 * Computes what importing a parsed tree under a path would do to the existing nodes, as
 * zc.zk's {@code import_tree} does it. Pure: it reads the existing state from node records
 * and returns an {@link ImportPlan}.
 *
 * <p>The text's top-level nodes go under the import path, which itself is never created,
 * changed or trimmed. Every node of the text gets exactly the text's properties (properties
 * not in the text are removed). Existing nodes that the text does not list are handled per
 * {@link Trim}, except the import path's own children, which are never touched. A trim that
 * deletes is planned as zc.zk's {@code delete_recursive}: children before parents, siblings in
 * name order; ephemeral nodes are kept (unless forced) and so is every node holding one. The
 * decision is core's {@link DeleteDecision}, the one {@code ZkTemplate.deleteRecursive} makes.
 */
final class ImportPlanner {

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
	static ImportPlan plan(TreeNode tree, String importPath, List<NodeRecord> existing, Trim trim) {
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
	private static List<String> changes(String path, byte @Nullable [] data, Map<String, Object> after) {
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
			case DELETE -> planDelete(existing, path, DeleteOptions.defaults().withIgnoreIfEphemeral(), steps);
			case KEEP -> {
				// left in place silently
			}
		}
	}

	/**
	 * Plans the deletion of a subtree as {@code delete_recursive} makes it.
	 *
	 * @param records           the records of (at least) the subtree
	 * @param path              the subtree's path
	 * @param force             whether to delete ephemeral nodes too
	 * @param ignoreIfEphemeral whether an ephemeral node at {@code path} itself is skipped
	 *                          silently (below it, ephemeral nodes are always reported)
	 * @return the steps: {@link ImportStep.Delete}, {@link ImportStep.KeepEphemeral} and
	 *         {@link ImportStep.KeepAncestor}, in order
	 * @throws IllegalArgumentException if there is no record for {@code path}
	 */
	static List<ImportStep> planDelete(List<NodeRecord> records, String path, boolean force, boolean ignoreIfEphemeral) {
		NodeIndex index = new NodeIndex(records);
		String key = NodeIndex.key(path);
		if (!index.exists(key)) {
			throw new IllegalArgumentException("no node " + path);
		}
		DeleteOptions options = force ? DeleteOptions.defaults().withForce() : DeleteOptions.defaults();
		List<ImportStep> steps = new ArrayList<>();
		planDelete(index, key, ignoreIfEphemeral ? options.withIgnoreIfEphemeral() : options, steps);
		return steps;
	}

	private static void planDelete(NodeIndex index, String path, DeleteOptions options, List<ImportStep> steps) {
		DeleteDecision.decide(path, node -> index.children(node).stream().map(child -> node + "/" + child).toList(),
				node -> index.get(node).ephemeral(), options, new DeleteDecision.Outcome() {

					@Override
					public void delete(String node) {
						steps.add(new ImportStep.Delete(node));
					}

					@Override
					public void spare(String node, SparedNode.Reason reason, boolean silent) {
						if (!silent) {
							steps.add(reason == SparedNode.Reason.EPHEMERAL ? new ImportStep.KeepEphemeral(node)
									: new ImportStep.KeepAncestor(node));
						}
					}
				});
	}
}
