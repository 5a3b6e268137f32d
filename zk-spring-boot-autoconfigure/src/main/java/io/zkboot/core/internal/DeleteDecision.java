package io.zkboot.core.internal;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import io.zkboot.core.DeleteOptions;
import io.zkboot.core.SparedNode;

/**
 * zc.zk's {@code delete_recursive} decision (compat spec §12), apart from reading and deleting:
 * which nodes of a subtree go and which stay. Post-order, siblings in the order given: an
 * ephemeral node stays (unless forced), and so does every node holding one. Used by
 * {@link io.zkboot.core.ZkTemplate#deleteRecursive} and by the tree import's trim.
 */
public final class DeleteDecision {

	private final Function<String, List<String>> children;

	private final Predicate<String> ephemeral;

	private final DeleteOptions options;

	private final Outcome outcome;

	private DeleteDecision(Function<String, List<String>> children, Predicate<String> ephemeral, DeleteOptions options,
			Outcome outcome) {
		this.children = children;
		this.ephemeral = ephemeral;
		this.options = options;
		this.outcome = outcome;
	}

	/**
	 * Decides the fate of every node of a subtree, children before parents.
	 * @param top the top of the subtree
	 * @param children the paths of a node's children, in the order to visit them
	 * @param ephemeral whether the node at a path is ephemeral
	 * @param options force and ignore-if-ephemeral (dry run plays no part in the decision)
	 * @param outcome told about each node, in order
	 */
	public static void decide(String top, Function<String, List<String>> children, Predicate<String> ephemeral,
			DeleteOptions options, Outcome outcome) {
		new DeleteDecision(children, ephemeral, options, outcome).visit(top, true);
	}

	/** Returns whether the node stays because it is, or holds, an ephemeral node. */
	private boolean visit(String path, boolean top) {
		boolean keptBelow = false;
		for (String child : this.children.apply(path)) {
			keptBelow |= visit(child, false);
		}
		if (keptBelow) {
			this.outcome.spare(path, SparedNode.Reason.EPHEMERAL_DESCENDANT, false);
			return true;
		}
		if (!this.ephemeral.test(path) || this.options.force()) {
			this.outcome.delete(path);
			return false;
		}
		boolean silent = this.options.ignoreIfEphemeral() && top;
		this.outcome.spare(path, SparedNode.Reason.EPHEMERAL, silent);
		return !silent;
	}

	/** What is decided for each node. */
	public interface Outcome {

		/**
		 * The node goes.
		 * @param path its path
		 */
		void delete(String path);

		/**
		 * The node stays.
		 * @param path its path
		 * @param reason why
		 * @param silent whether zc.zk says nothing about it (an ephemeral top node when
		 * ignore-if-ephemeral is set)
		 */
		void spare(String path, SparedNode.Reason reason, boolean silent);

	}

}
