package io.zkboot.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.data.ACL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an {@link ImportPlan} to ZooKeeper: creates, data changes and deletions in the plan's
 * order, in transactions ({@code multi}) of bounded size. New nodes get the given ACL.
 * Unchanged nodes are not written (zc.zk rewrites them, which only bumps their version).
 */
public final class TreeImporter {

    private static final Logger logger = LoggerFactory.getLogger(TreeImporter.class);

    private static final int MAX_OPS = 200;

    private static final int MAX_BYTES = 256 * 1024;

    private final CuratorFramework client;

    private final List<ACL> acl;

    /**
     * Creates an importer.
     *
     * @param client a started Curator client
     * @param acl    the ACL of created nodes, for example {@code ZooDefs.Ids.OPEN_ACL_UNSAFE}
     */
    public TreeImporter(CuratorFramework client, List<ACL> acl) {
        this.client = client;
        this.acl = List.copyOf(acl);
    }

    /**
     * Applies a plan and reports what zc.zk would print for it.
     *
     * @param plan the plan, computed from the current state of the nodes it touches
     * @return the plan's real-run messages, which are also logged
     * @throws TreeImportException if ZooKeeper refuses a batch (earlier batches stay applied)
     */
    public List<String> apply(ImportPlan plan) {
        List<CuratorOp> batch = new ArrayList<>();
        int bytes = 0;
        for (ImportStep step : plan.steps()) {
            Optional<CuratorOp> op = operation(step);
            if (op.isEmpty()) {
                continue;
            }
            int size = step.path().length() + dataSize(step);
            if (!batch.isEmpty() && (batch.size() == MAX_OPS || bytes + size > MAX_BYTES)) {
                commit(batch);
                batch.clear();
                bytes = 0;
            }
            batch.add(op.get());
            bytes += size;
        }
        if (!batch.isEmpty()) {
            commit(batch);
        }
        List<String> messages = plan.messages();
        messages.forEach(logger::info);
        return messages;
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
                logger.info("deleting {}", delete.path());
                return Optional.of(client.transactionOp().delete().forPath(delete.path()));
            }
            return Optional.empty();
        }
        catch (Exception ex) {
            throw new TreeImportException("cannot prepare " + step, ex);
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

    private void commit(List<CuratorOp> batch) {
        try {
            client.transaction().forOperations(List.copyOf(batch));
        }
        catch (Exception ex) {
            throw new TreeImportException("ZooKeeper refused the batch starting at " + batch.get(0).getTypeAndPath().getForPath(), ex);
        }
    }
}
