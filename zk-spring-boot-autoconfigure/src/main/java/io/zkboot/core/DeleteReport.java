package io.zkboot.core;

import java.util.List;

/**
 * What a recursive delete did, or in a dry run would do: the paths deleted, the paths spared and
 * why, and zc.zk's messages in its exact wording and order (children before parents, siblings
 * sorted): {@code would delete /p.}, {@code wouldn't delete /p because it's ephemeral.},
 * {@code Not deleting /p because it's ephemeral.} and
 * {@code /p not deleted due to ephemeral descendent.}
 *
 * @param dryRun whether this was a dry run (then nothing was deleted and {@code deleted} lists
 * what would have been)
 * @param deleted the paths deleted (or that would be), children before parents
 * @param spared the nodes left in place, children before parents; an ephemeral top node skipped
 * by {@link DeleteOptions#ignoreIfEphemeral()} is listed here but has no message
 * @param messages zc.zk's messages, one per line, without line ends
 */
public record DeleteReport(boolean dryRun, List<String> deleted, List<SparedNode> spared, List<String> messages) {

	/**
	 * Creates a report with unmodifiable copies of the lists.
	 * @param dryRun whether this was a dry run
	 * @param deleted the paths deleted
	 * @param spared the nodes spared
	 * @param messages zc.zk's messages
	 */
	public DeleteReport {
		deleted = List.copyOf(deleted);
		spared = List.copyOf(spared);
		messages = List.copyOf(messages);
	}

	/**
	 * Tells whether the whole subtree was (or would be) deleted.
	 * @return whether no node was spared
	 */
	public boolean isComplete() {
		return this.spared.isEmpty();
	}

}
