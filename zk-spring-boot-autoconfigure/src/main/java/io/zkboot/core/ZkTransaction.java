package io.zkboot.core;

import java.util.ArrayList;
import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.api.transaction.CuratorTransactionResult;
import org.apache.curator.framework.api.transaction.TransactionOp;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.data.ACL;

/**
 * Operations queued to be committed atomically, as kazoo's {@code transaction()}: either all are
 * applied or none is. Made by {@link ZkTemplate#transaction()}; not thread-safe; commit once.
 *
 * <pre>{@code
 * List<ZkOperationResult> results = template.transaction()
 *     .check("/node/a", 3)
 *     .create("/node/b", "a value".getBytes())
 *     .commit();
 * }</pre>
 */
public final class ZkTransaction {

	private final CuratorFramework client;

	private final RawZooKeeper raw;

	private final List<CuratorOp> operations = new ArrayList<>();

	private final List<String> descriptions = new ArrayList<>();

	private final List<String> paths = new ArrayList<>();

	private final ZkObservations observations;

	ZkTransaction(RawZooKeeper raw, ZkObservations observations) {
		this.raw = raw;
		this.observations = observations;
		this.client = raw.client();
	}

	/**
	 * Queues a check that a node is at a version; the transaction fails if it is not.
	 * @param path the node's path
	 * @param version the expected version
	 * @return this transaction
	 */
	public ZkTransaction check(String path, int version) {
		return add("check " + path + " version " + version, path, false,
				(op) -> op.check().withVersion(version).forPath(path));
	}

	/**
	 * Queues the creation of a persistent node.
	 * @param path the node's path
	 * @param data the node's data
	 * @return this transaction
	 */
	public ZkTransaction create(String path, byte[] data) {
		return create(path, data, CreateOptions.persistent());
	}

	/**
	 * Queues the creation of a node. {@link CreateOptions#makeParents()} is not supported inside a
	 * transaction (ZooKeeper cannot make parents atomically).
	 * @param path the node's path (the prefix, for a sequential node)
	 * @param data the node's data
	 * @param options ephemeral, sequential, ACL
	 * @return this transaction
	 */
	public ZkTransaction create(String path, byte[] data, CreateOptions options) {
		if (options.makeParents()) {
			throw new IllegalArgumentException("makeParents is not supported in a transaction: " + path);
		}
		List<ACL> acl = this.raw.aclFor(this.raw.toServer(path), options.acl());
		return add("create " + path, path, options.sequential(),
				(op) -> op.create().withMode(options.mode()).withACL(acl).forPath(path, data));
	}

	/**
	 * Queues a data update whatever the node's version.
	 * @param path the node's path
	 * @param data the new data
	 * @return this transaction
	 */
	public ZkTransaction set(String path, byte[] data) {
		return set(path, data, -1);
	}

	/**
	 * Queues a data update.
	 * @param path the node's path
	 * @param data the new data
	 * @param version the expected version, or -1 for any
	 * @return this transaction
	 */
	public ZkTransaction set(String path, byte[] data, int version) {
		return add("set " + path + " version " + version, path, false,
				(op) -> op.setData().withVersion(version).forPath(path, data));
	}

	/**
	 * Queues a deletion whatever the node's version.
	 * @param path the node's path
	 * @return this transaction
	 */
	public ZkTransaction delete(String path) {
		return delete(path, -1);
	}

	/**
	 * Queues a deletion.
	 * @param path the node's path
	 * @param version the expected version, or -1 for any
	 * @return this transaction
	 */
	public ZkTransaction delete(String path, int version) {
		return add("delete " + path + " version " + version, path, false,
				(op) -> op.delete().withVersion(version).forPath(path));
	}

	/**
	 * Commits the queued operations atomically.
	 * @return each operation's outcome, in the order queued
	 * @throws ZkTransactionException when an operation failed (then none was applied), naming it
	 * @throws ZkException when the commit itself failed (for example the connection was lost)
	 */
	public List<ZkOperationResult> commit() {
		return this.observations.observe("transaction", null, this::commitOperations);
	}

	private List<ZkOperationResult> commitOperations() {
		List<CuratorTransactionResult> results;
		try {
			results = this.client.transaction().forOperations(this.operations);
		}
		catch (KeeperException ex) {
			throw failure(ex.getResults(), ex);
		}
		catch (Exception ex) {
			throw ZkExceptionTranslator.translate(ex, null);
		}
		List<ZkOperationResult> outcomes = new ArrayList<>(results.size());
		for (CuratorTransactionResult result : results) {
			outcomes.add(new ZkOperationResult(type(result), result.getForPath(), result.getResultPath(),
					result.getResultStat()));
		}
		return outcomes;
	}

	/**
	 * Returns the number of queued operations.
	 * @return the count
	 */
	public int size() {
		return this.operations.size();
	}

	private ZkException failure(List<OpResult> results, KeeperException ex) {
		if (results != null) {
			for (int i = 0; i < results.size(); i++) {
				if (results.get(i) instanceof OpResult.ErrorResult error
						&& error.getErr() != KeeperException.Code.OK.intValue()
						&& error.getErr() != KeeperException.Code.RUNTIMEINCONSISTENCY.intValue()) {
					String path = this.paths.get(i);
					return new ZkTransactionException(i, this.descriptions.get(i),
							ZkExceptionTranslator.translate(KeeperException.Code.get(error.getErr()), path, ex));
				}
			}
		}
		return ZkExceptionTranslator.translate(ex, null);
	}

	private static ZkOperationResult.Type type(CuratorTransactionResult result) {
		return switch (result.getType()) {
			case CHECK -> ZkOperationResult.Type.CHECK;
			case CREATE -> ZkOperationResult.Type.CREATE;
			case SET_DATA -> ZkOperationResult.Type.SET;
			case DELETE -> ZkOperationResult.Type.DELETE;
		};
	}

	private ZkTransaction add(String description, String path, boolean sequential, OperationFactory factory) {
		ZkPath.validate(path, sequential);
		try {
			this.operations.add(factory.make(this.client.transactionOp()));
		}
		catch (Exception ex) {
			throw ZkExceptionTranslator.translate(ex, path);
		}
		this.descriptions.add(description);
		this.paths.add(path);
		return this;
	}

	@FunctionalInterface
	private interface OperationFactory {

		CuratorOp make(TransactionOp op) throws Exception;

	}

}
