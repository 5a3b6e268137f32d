package io.zkboot.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.zkboot.core.internal.AsyncWindow;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.ACL;
import org.jspecify.annotations.Nullable;

/**
 * Applies an {@link ImportPlan} to ZooKeeper: creates, data changes and deletions in the plan's
 * order, in transactions ({@code multi}) of bounded size, pipelined: up to
 * {@value #MAX_IN_FLIGHT} transactions are in flight at once, in core's {@link AsyncWindow} (ZooKeeper
 * runs one session's requests in order, so a parent is always created before its children).
 * New nodes get the given ACL, or the Curator client's own. Unchanged nodes are not written (zc.zk rewrites them, which only
 * bumps their version).
 */
final class TreeImporter {

	private static final Log logger = LogFactory.getLog(TreeImporter.class);

	private static final int MAX_OPS = 200;

	private static final int MAX_BYTES = 256 * 1024;

	private static final int MAX_IN_FLIGHT = 8;

	private final CuratorFramework client;

	private final @Nullable List<ACL> acl;

	/**
	 * Creates an importer.
	 *
	 * @param client a started Curator client
	 * @param acl    the ACL of created nodes, for example {@code ZooDefs.Ids.OPEN_ACL_UNSAFE}, or
	 *               {@code null} for the one the client's ACL provider gives
	 */
	TreeImporter(CuratorFramework client, @Nullable List<ACL> acl) {
		this.client = client;
		this.acl = acl == null ? null : List.copyOf(acl);
	}

	/**
	 * Applies a plan and reports what zc.zk would print for it.
	 *
	 * @param plan the plan, computed from the current state of the nodes it touches
	 * @return the plan's real-run messages, which are also logged at DEBUG
	 * @throws TreeImportException if ZooKeeper refuses a transaction; no transaction is sent
	 *                             after that, but those already sent may be applied
	 * @throws io.zkboot.core.ZkInterruptedException if the thread is interrupted while waiting
	 */
	List<String> apply(ImportPlan plan) {
		commitAll(batches(plan));
		List<String> messages = plan.messages();
		if (logger.isDebugEnabled()) {
			messages.forEach(logger::debug);
		}
		return messages;
	}

	private List<List<CuratorOp>> batches(ImportPlan plan) {
		List<List<CuratorOp>> batches = new ArrayList<>();
		List<CuratorOp> batch = new ArrayList<>();
		int bytes = 0;
		for (ImportStep step : plan.steps()) {
			Optional<CuratorOp> op = operation(step);
			if (op.isEmpty()) {
				continue;
			}
			int size = step.path().length() + dataSize(step);
			if (!batch.isEmpty() && (batch.size() == MAX_OPS || bytes + size > MAX_BYTES)) {
				batches.add(batch);
				batch = new ArrayList<>();
				bytes = 0;
			}
			batch.add(op.get());
			bytes += size;
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		return batches;
	}

	private Optional<CuratorOp> operation(ImportStep step) {
		try {
			if (step instanceof ImportStep.Create create) {
				return Optional.of(client.transactionOp().create().withMode(CreateMode.PERSISTENT).withACL(acl)
						.forPath(create.path(), create.data()));
			}
			if (step instanceof ImportStep.Update update) {
				return Optional.of(client.transactionOp().setData().forPath(update.path(), update.data()));
			}
			if (step instanceof ImportStep.Delete delete) {
				return Optional.of(client.transactionOp().delete().forPath(delete.path()));
			}
			return Optional.empty();
		}
		catch (Exception ex) {
			throw new TreeImportException("cannot prepare " + step, step.path(), null, ex);
		}
	}

	private static int dataSize(ImportStep step) {
		if (step instanceof ImportStep.Create create) {
			return create.data().length;
		}
		if (step instanceof ImportStep.Update update) {
			return update.data().length;
		}
		return 0;
	}

	private void commitAll(List<List<CuratorOp>> batches) {
		AsyncWindow window = new AsyncWindow(MAX_IN_FLIGHT);
		for (List<CuratorOp> batch : batches) {
			String first = batch.get(0).getTypeAndPath().getForPath();
			window.submit(() -> {
				try {
					this.client.transaction().inBackground((c, event) -> {
						KeeperException.Code code = KeeperException.Code.get(event.getResultCode());
						if (code != KeeperException.Code.OK) {
							window.fail(refused(first, code, KeeperException.create(code)));
						}
						window.complete();
					}).forOperations(batch);
				}
				catch (Exception ex) {
					throw refused(first, null, ex);
				}
			});
		}
		window.await();
	}

	private static TreeImportException refused(String first, KeeperException.@Nullable Code code, Exception cause) {
		return new TreeImportException("ZooKeeper refused the transaction starting at " + first, first, code, cause);
	}
}
