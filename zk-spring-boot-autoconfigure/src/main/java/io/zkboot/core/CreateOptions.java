package io.zkboot.core;

import java.util.List;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.data.ACL;
import org.jspecify.annotations.Nullable;

/**
 * How {@link ZkTemplate#create(String, byte[], CreateOptions)} creates a node: ephemeral or not,
 * sequential or not, whether missing parents are made (kazoo's {@code makepath}), and which ACL the
 * node gets. Immutable: each {@code with...} method returns a copy with one option set, as
 * {@link DeleteOptions} and the tree's import and export options do.
 *
 * <pre>{@code
 * template.create("/jobs/job-", data, CreateOptions.persistent().withSequential().withMakeParents());
 * }</pre>
 *
 * @param ephemeral whether the node is removed when the creating session ends
 * @param sequential whether the server appends a ten-digit counter to the name
 * @param makeParents whether missing parents are created (empty, persistent)
 * @param acl the node's explicit ACL, or {@code null} for the template's ACL provider
 */
public record CreateOptions(boolean ephemeral, boolean sequential, boolean makeParents, @Nullable List<ACL> acl) {

	/**
	 * The defaults: a persistent, non-sequential node whose parent must exist.
	 * @return the default options
	 */
	public static CreateOptions persistent() {
		return new CreateOptions(false, false, false, null);
	}

	/**
	 * Returns these options for an ephemeral node.
	 * @return the new options
	 */
	public CreateOptions withEphemeral() {
		return new CreateOptions(true, this.sequential, this.makeParents, this.acl);
	}

	/**
	 * Returns these options for a sequential node.
	 * @return the new options
	 */
	public CreateOptions withSequential() {
		return new CreateOptions(this.ephemeral, true, this.makeParents, this.acl);
	}

	/**
	 * Returns these options with missing parents created.
	 * @return the new options
	 */
	public CreateOptions withMakeParents() {
		return new CreateOptions(this.ephemeral, this.sequential, true, this.acl);
	}

	/**
	 * Returns these options with an explicit ACL for the node.
	 * @param nodeAcl the ACL
	 * @return the new options
	 */
	public CreateOptions withAcl(List<ACL> nodeAcl) {
		return new CreateOptions(this.ephemeral, this.sequential, this.makeParents, List.copyOf(nodeAcl));
	}

	/**
	 * Returns ZooKeeper's create mode for these options.
	 * @return the create mode
	 */
	public CreateMode mode() {
		if (this.ephemeral) {
			return this.sequential ? CreateMode.EPHEMERAL_SEQUENTIAL : CreateMode.EPHEMERAL;
		}
		return this.sequential ? CreateMode.PERSISTENT_SEQUENTIAL : CreateMode.PERSISTENT;
	}

}
