package io.zkboot.core;

/**
 * How {@link ZkTemplate#deleteRecursive(String, DeleteOptions)} deletes a subtree, after zc.zk's
 * {@code delete_recursive(path, dry_run, force, ignore_if_ephemeral)}. Immutable: each
 * {@code with...} method returns a copy with one option set, as {@link CreateOptions} and the
 * tree's import and export options do.
 *
 * @param dryRun whether only to report what would be deleted, changing nothing
 * @param force whether ephemeral nodes are deleted too (and so the nodes that hold them)
 * @param ignoreIfEphemeral whether an ephemeral top node (not forced) is skipped silently instead
 * of reported; it applies to the top node only, never to descendants; tree trim uses it
 */
public record DeleteOptions(boolean dryRun, boolean force, boolean ignoreIfEphemeral) {

	/**
	 * The defaults: delete for real, spare ephemeral nodes and the nodes that hold them, report
	 * them.
	 * @return the default options
	 */
	public static DeleteOptions defaults() {
		return new DeleteOptions(false, false, false);
	}

	/**
	 * Returns these options for a dry run.
	 * @return the new options
	 */
	public DeleteOptions withDryRun() {
		return new DeleteOptions(true, this.force, this.ignoreIfEphemeral);
	}

	/**
	 * Returns these options with ephemeral nodes deleted too.
	 * @return the new options
	 */
	public DeleteOptions withForce() {
		return new DeleteOptions(this.dryRun, true, this.ignoreIfEphemeral);
	}

	/**
	 * Returns these options with an ephemeral top node skipped silently.
	 * @return the new options
	 */
	public DeleteOptions withIgnoreIfEphemeral() {
		return new DeleteOptions(this.dryRun, this.force, true);
	}

}
