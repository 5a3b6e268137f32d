package io.zkboot.tree;

import java.util.List;

import org.apache.zookeeper.data.ACL;

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
 * @param checkLinks whether symbolic and property links must lead somewhere before anything is
 *                   written (zc.zk never checks them)
 */
public record ImportOptions(String basePath, Trim trim, boolean dryRun, List<ACL> acl, boolean checkLinks) {

	/**
	 * Creates options.
	 *
	 * @param basePath   where the text's top-level nodes go
	 * @param trim       what to do with existing nodes that the text does not list
	 * @param dryRun     whether to only report
	 * @param acl        the ACL of created nodes, or {@code null} for the client's
	 * @param checkLinks whether links are checked first
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
	 * ({@link Trim#WARN}), write for real, the client's ACL; plus a link check.
	 *
	 * @return the default options
	 */
	public static ImportOptions defaults() {
		return new ImportOptions("/", Trim.WARN, false, null, true);
	}

	/**
	 * Returns these options with another base path.
	 *
	 * @param path where the text's top-level nodes go
	 * @return the new options
	 */
	public ImportOptions withBasePath(String path) {
		return new ImportOptions(path, trim, dryRun, acl, checkLinks);
	}

	/**
	 * Returns these options with another trim policy.
	 *
	 * @param policy what to do with existing nodes the text does not list
	 * @return the new options
	 */
	public ImportOptions withTrim(Trim policy) {
		return new ImportOptions(basePath, policy, dryRun, acl, checkLinks);
	}

	/**
	 * Returns these options for a dry run: every add, update and delete is reported, nothing
	 * is written.
	 *
	 * @return the new options
	 */
	public ImportOptions withDryRun() {
		return new ImportOptions(basePath, trim, true, acl, checkLinks);
	}

	/**
	 * Returns these options with an ACL for the nodes the import creates.
	 *
	 * @param nodeAcl the ACL, for example {@code ZooDefs.Ids.READ_ACL_UNSAFE}
	 * @return the new options
	 */
	public ImportOptions withAcl(List<ACL> nodeAcl) {
		return new ImportOptions(basePath, trim, dryRun, nodeAcl, checkLinks);
	}

	/**
	 * Returns these options without the link check, for texts whose links point to nodes that
	 * appear later (zc.zk's behaviour).
	 *
	 * @return the new options
	 */
	public ImportOptions withoutLinkCheck() {
		return new ImportOptions(basePath, trim, dryRun, acl, false);
	}
}
