package io.zkboot.core;

import java.util.List;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.data.ACL;
import org.jspecify.annotations.Nullable;

/**
 * How {@link ZkTemplate#create(String, byte[], CreateOptions)} creates a node: ephemeral or not,
 * sequential or not, whether missing parents are made (kazoo's {@code makepath}), and which ACL the
 * node gets. Immutable; every method returns a new instance.
 *
 * <pre>{@code
 * template.create("/jobs/job-", data, CreateOptions.persistent().sequential().makeParents());
 * }</pre>
 */
public final class CreateOptions {

	private final boolean ephemeral;

	private final boolean sequential;

	private final boolean makeParents;

	private final @Nullable List<ACL> acl;

	private CreateOptions(boolean ephemeral, boolean sequential, boolean makeParents, @Nullable List<ACL> acl) {
		this.ephemeral = ephemeral;
		this.sequential = sequential;
		this.makeParents = makeParents;
		this.acl = acl;
	}

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
	public CreateOptions ephemeral() {
		return new CreateOptions(true, this.sequential, this.makeParents, this.acl);
	}

	/**
	 * Returns these options for a sequential node.
	 * @return the new options
	 */
	public CreateOptions sequential() {
		return new CreateOptions(this.ephemeral, true, this.makeParents, this.acl);
	}

	/**
	 * Returns these options with missing parents created.
	 * @return the new options
	 */
	public CreateOptions makeParents() {
		return new CreateOptions(this.ephemeral, this.sequential, true, this.acl);
	}

	/**
	 * Returns these options with an explicit ACL for the node.
	 * @param acl the ACL
	 * @return the new options
	 */
	public CreateOptions withAcl(List<ACL> acl) {
		return new CreateOptions(this.ephemeral, this.sequential, this.makeParents, List.copyOf(acl));
	}

	/**
	 * Tells whether the node is removed when the creating session ends.
	 * @return whether the node is ephemeral
	 */
	public boolean isEphemeral() {
		return this.ephemeral;
	}

	/**
	 * Tells whether the server appends a ten-digit counter to the name.
	 * @return whether the node is sequential
	 */
	public boolean isSequential() {
		return this.sequential;
	}

	/**
	 * Tells whether missing parents are created (empty, persistent).
	 * @return whether parents are made
	 */
	public boolean isMakeParents() {
		return this.makeParents;
	}

	/**
	 * Returns the node's explicit ACL.
	 * @return the ACL, or {@code null} for the template's ACL provider
	 */
	public @Nullable List<ACL> acl() {
		return this.acl;
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
