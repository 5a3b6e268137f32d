package io.zkboot.tree;

import java.util.List;

import org.apache.zookeeper.data.ACL;
import org.jspecify.annotations.Nullable;

/**
 * How {@link ZkTree#importTree(String, String, ImportOptions)} imports a text, after zc.zk's
 * {@code import_tree(text, path, trim, acl, dry_run)}. Immutable; the {@code with...} methods
 * return a new instance.
 *
 * @param basePath   where the text's top-level nodes go (trailing slashes are dropped, as zc.zk
 *                   does); it must exist and is never changed
 * @param trim       what to do with existing nodes that the text does not list
 * @param dryRun     whether to only report what would change, writing nothing
 * @param acl        the ACL of the nodes the import creates, or {@code null} for the Curator
 *                   client's own (its ACL provider's); existing nodes keep theirs
 * @param strictLinks whether a symbolic link to no node, a property link to no property and a
 *                    link loop are refused (nothing is written) rather than imported with a
 *                    warning, as zc.zk imports them
 */
public record ImportOptions(String basePath, Trim trim, boolean dryRun, @Nullable List<ACL> acl, boolean strictLinks) {

	/**
	 * Creates options.
	 *
	 * @param basePath   where the text's top-level nodes go
	 * @param trim       what to do with existing nodes that the text does not list
	 * @param dryRun     whether to only report
	 * @param acl        the ACL of created nodes, or {@code null} for the client's
	 * @param strictLinks whether links that lead nowhere are refused
	 */
	public ImportOptions {
		if (basePath == null || !basePath.startsWith("/")) {
			throw new IllegalArgumentException("the base path must be absolute: " + basePath);
		}
		String key = NodeIndex.key(basePath);
		basePath = key.isEmpty() ? "/" : key;
		if (trim == null) {
			throw new IllegalArgumentException("trim must be given");
		}
		acl = acl == null ? null : List.copyOf(acl);
	}

	/**
	 * Returns zc.zk's defaults: import at {@code /}, report extra nodes without deleting them
	 * ({@link Trim#WARN}), write for real, the client's ACL, import links that lead nowhere with
	 * a warning.
	 *
	 * @return the default options
	 */
	public static ImportOptions defaults() {
		return new ImportOptions("/", Trim.WARN, false, null, false);
	}

	/**
	 * Returns these options with another base path.
	 *
	 * @param path where the text's top-level nodes go
	 * @return the new options
	 */
	public ImportOptions withBasePath(String path) {
		return new ImportOptions(path, trim, dryRun, acl, strictLinks);
	}

	/**
	 * Returns these options with another trim policy.
	 *
	 * @param policy what to do with existing nodes the text does not list
	 * @return the new options
	 */
	public ImportOptions withTrim(Trim policy) {
		return new ImportOptions(basePath, policy, dryRun, acl, strictLinks);
	}

	/**
	 * Returns these options for a dry run: every add, update and delete is reported, nothing
	 * is written.
	 *
	 * @return the new options
	 */
	public ImportOptions withDryRun() {
		return new ImportOptions(basePath, trim, true, acl, strictLinks);
	}

	/**
	 * Returns these options with an ACL for the nodes the import creates.
	 *
	 * @param nodeAcl the ACL, for example {@code ZooDefs.Ids.READ_ACL_UNSAFE}, or {@code null} for
	 * the one the client's ACL provider gives
	 * @return the new options
	 */
	public ImportOptions withAcl(@Nullable List<ACL> nodeAcl) {
		return new ImportOptions(basePath, trim, dryRun, nodeAcl, strictLinks);
	}

	/**
	 * Returns these options with strict links: a symbolic link to no node, a property link to
	 * no property or a link loop is an error and nothing is written (zc.zk imports them).
	 *
	 * @return the new options
	 */
	public ImportOptions withStrictLinks() {
		return new ImportOptions(basePath, trim, dryRun, acl, true);
	}
}
