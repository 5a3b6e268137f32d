package io.zkboot.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans zc.zk's {@code delete_recursive}: children before parents, siblings in name order;
 * ephemeral nodes are kept (unless forced) and so is every node holding one.
 */
public final class RecursiveDelete {

    private final NodeIndex index;

    private final boolean force;

    private final List<ImportStep> steps;

    private RecursiveDelete(NodeIndex index, boolean force, List<ImportStep> steps) {
        this.index = index;
        this.force = force;
        this.steps = steps;
    }

    /**
     * Plans the deletion of a subtree.
     *
     * @param records           the records of (at least) the subtree
     * @param path              the subtree's path
     * @param force             whether to delete ephemeral nodes too
     * @param ignoreIfEphemeral whether an ephemeral node at {@code path} itself is skipped
     *                          silently (below it, ephemeral nodes are always reported)
     * @return the steps: {@link ImportStep.Delete}, {@link ImportStep.KeepEphemeral} and
     *         {@link ImportStep.KeepAncestor}, in order
     * @throws IllegalArgumentException if there is no record for {@code path}
     */
    public static List<ImportStep> plan(List<NodeRecord> records, String path, boolean force, boolean ignoreIfEphemeral) {
        List<ImportStep> steps = new ArrayList<>();
        NodeIndex index = new NodeIndex(records);
        String key = NodeIndex.key(path);
        if (!index.exists(key)) {
            throw new IllegalArgumentException("no node " + path);
        }
        new RecursiveDelete(index, force, steps).delete(key, ignoreIfEphemeral);
        return steps;
    }

    static void plan(NodeIndex index, String path, List<ImportStep> steps) {
        new RecursiveDelete(index, false, steps).delete(path, true);
    }

    /** Returns whether the node is kept because it is, or holds, an ephemeral node. */
    private boolean delete(String path, boolean ignoreIfEphemeral) {
        boolean keptBelow = false;
        for (String child : index.children(path)) {
            keptBelow |= delete(path + "/" + child, false);
        }
        if (keptBelow) {
            steps.add(new ImportStep.KeepAncestor(path));
            return true;
        }
        boolean ephemeral = index.get(path).ephemeral() && !force;
        if (ephemeral && ignoreIfEphemeral) {
            return false;
        }
        steps.add(ephemeral ? new ImportStep.KeepEphemeral(path) : new ImportStep.Delete(path));
        return ephemeral;
    }
}
