package io.zkboot.core;

/**
 * How {@link ZkTemplate#deleteRecursive(String, DeleteOptions)} deletes a subtree, after zc.zk's
 * {@code delete_recursive(path, dry_run, force, ignore_if_ephemeral)}. Immutable; every method
 * returns a new instance.
 */
public final class DeleteOptions {

	private final boolean dryRun;

	private final boolean force;

	private final boolean ignoreIfEphemeral;

	private DeleteOptions(boolean dryRun, boolean force, boolean ignoreIfEphemeral) {
		this.dryRun = dryRun;
		this.force = force;
		this.ignoreIfEphemeral = ignoreIfEphemeral;
	}

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
	public DeleteOptions dryRun() {
		return new DeleteOptions(true, this.force, this.ignoreIfEphemeral);
	}

	/**
	 * Returns these options with ephemeral nodes deleted too.
	 * @return the new options
	 */
	public DeleteOptions force() {
		return new DeleteOptions(this.dryRun, true, this.ignoreIfEphemeral);
	}

	/**
	 * Returns these options with an ephemeral top node skipped silently.
	 * @return the new options
	 */
	public DeleteOptions ignoreIfEphemeral() {
		return new DeleteOptions(this.dryRun, this.force, true);
	}

	/**
	 * Tells whether this is a dry run: only report what would be deleted, change nothing.
	 * @return whether this is a dry run
	 */
	public boolean isDryRun() {
		return this.dryRun;
	}

	/**
	 * Tells whether ephemeral nodes are deleted too (and so the nodes that hold them).
	 * @return whether the delete is forced
	 */
	public boolean isForce() {
		return this.force;
	}

	/**
	 * Tells whether an ephemeral top node (not forced) is skipped silently instead of reported. It
	 * applies to the top node only, never to descendants; tree trim uses it.
	 * @return whether an ephemeral top node is ignored
	 */
	public boolean isIgnoreIfEphemeral() {
		return this.ignoreIfEphemeral;
	}

}
