package io.zkboot.tree;

import java.util.ArrayList;
import java.util.List;

import io.zkboot.core.DeleteDecision;
import io.zkboot.core.DeleteOptions;
import io.zkboot.core.SparedNode;

/**
 * Plans zc.zk's {@code delete_recursive} as import steps: children before parents, siblings in
 * name order; ephemeral nodes are kept (unless forced) and so is every node holding one. The
 * decision is core's {@link DeleteDecision}, the one {@code ZkTemplate.deleteRecursive} makes.
 */
public final class RecursiveDelete {

	private RecursiveDelete() {
	}

	/**
	 * Plans the deletion of a subtree.
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
	public static List<ImportStep> plan(List<NodeRecord> records, String path, boolean force, boolean ignoreIfEphemeral) {
		NodeIndex index = new NodeIndex(records);
		String key = NodeIndex.key(path);
		if (!index.exists(key)) {
			throw new IllegalArgumentException("no node " + path);
		}
		DeleteOptions options = force ? DeleteOptions.defaults().force() : DeleteOptions.defaults();
		List<ImportStep> steps = new ArrayList<>();
		plan(index, key, ignoreIfEphemeral ? options.ignoreIfEphemeral() : options, steps);
		return steps;
	}

	/** Plans the trim of an extra path: not forced, an ephemeral top node skipped silently. */
	static void plan(NodeIndex index, String path, List<ImportStep> steps) {
		plan(index, path, DeleteOptions.defaults().ignoreIfEphemeral(), steps);
	}

	private static void plan(NodeIndex index, String path, DeleteOptions options, List<ImportStep> steps) {
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
