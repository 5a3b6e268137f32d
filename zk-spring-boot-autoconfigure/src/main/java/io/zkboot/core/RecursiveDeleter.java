package io.zkboot.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zkboot.core.internal.AsyncWindow;
import io.zkboot.core.internal.DeleteDecision;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;

/**
 * zc.zk's {@code delete_recursive}: reads the subtree with one pipelined read, decides post-order
 * which nodes go ({@link DeleteDecision}: ephemeral nodes and their ancestors are spared unless
 * forced), then deletes them with pipelined calls, children before parents.
 */
final class RecursiveDeleter {

	private static final Log logger = LogFactory.getLog(RecursiveDeleter.class);

	private final RawZooKeeper raw;

	private final TreeReader reader;

	private final int windowSize;

	RecursiveDeleter(RawZooKeeper raw, TreeReader reader, int windowSize) {
		this.raw = raw;
		this.reader = reader;
		this.windowSize = windowSize;
	}

	DeleteReport delete(String path, DeleteOptions options) {
		ZkPath.validate(path);
		if (ZkPath.ROOT.equals(path)) {
			throw new ZkInvalidPathException("the root node / cannot be deleted", path, null);
		}
		List<ZkNode> nodes = this.reader.read(path, Integer.MAX_VALUE);
		if (nodes.isEmpty()) {
			throw ZkExceptionTranslator.translate(KeeperException.Code.NONODE, path, null);
		}
		Plan plan = new Plan(nodes, options);
		if (!options.dryRun()) {
			execute(plan.deleted);
			if (logger.isInfoEnabled()) {
				logger.info("Deleted " + plan.deleted.size() + " node(s) at " + path
						+ (plan.spared.isEmpty() ? "" : ", spared " + plan.spared.size() + " (ephemeral or holding one)"));
			}
		}
		return new DeleteReport(options.dryRun(), plan.deleted, plan.spared, plan.messages);
	}

	private void execute(List<String> paths) {
		ZooKeeper zooKeeper = this.raw.zooKeeper();
		AsyncWindow window = new AsyncWindow(this.windowSize);
		for (String path : paths) {
			if (logger.isDebugEnabled()) {
				logger.debug("deleting " + path);
			}
			window.submit(() -> zooKeeper.delete(this.raw.toServer(path), -1, (rc, p, ctx) -> {
				if (rc != KeeperException.Code.OK.intValue() && rc != KeeperException.Code.NONODE.intValue()) {
					window.fail(rc, path);
				}
				window.complete();
			}, null));
		}
		window.await();
	}

	/** The messages of zc.zk's {@code delete_recursive} for the decision of {@link DeleteDecision}. */
	private static final class Plan implements DeleteDecision.Outcome {

		private final Map<String, List<String>> children = new HashMap<>();

		private final Map<String, ZkNode> nodes = new HashMap<>();

		private final DeleteOptions options;

		private final List<String> deleted = new ArrayList<>();

		private final List<SparedNode> spared = new ArrayList<>();

		private final List<String> messages = new ArrayList<>();

		Plan(List<ZkNode> nodes, DeleteOptions options) {
			this.options = options;
			for (ZkNode node : nodes) {
				this.nodes.put(node.path(), node);
			}
			for (ZkNode node : nodes.subList(1, nodes.size())) {
				this.children.computeIfAbsent(ZkPath.parent(node.path()), (p) -> new ArrayList<>()).add(node.path());
			}
			DeleteDecision.decide(nodes.get(0).path(), (path) -> this.children.getOrDefault(path, List.of()),
					(path) -> this.nodes.get(path).isEphemeral(), options, this);
		}

		@Override
		public void delete(String path) {
			this.deleted.add(path);
			if (this.options.dryRun()) {
				this.messages.add("would delete " + path + ".");
			}
		}

		@Override
		public void spare(String path, SparedNode.Reason reason, boolean silent) {
			this.spared.add(new SparedNode(path, reason));
			if (silent) {
				return;
			}
			if (reason == SparedNode.Reason.EPHEMERAL_DESCENDANT) {
				this.messages.add(path + " not deleted due to ephemeral descendent.");
			}
			else {
				this.messages.add(this.options.dryRun() ? "wouldn't delete " + path + " because it's ephemeral."
						: "Not deleting " + path + " because it's ephemeral.");
			}
		}

	}

}
