package io.zkboot.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zkboot.core.internal.AsyncWindow;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;

/**
 * Reads a subtree with pipelined asynchronous calls: every node's data and {@code Stat}, and the
 * children of every node whose {@code Stat} says it has some. The one place where pipelined subtree
 * reads live; the template's tree read, walk, children-with-data and recursive delete use it.
 *
 * <p>Nodes that disappear while the read is under way are left out silently, as zc.zk's walk does.
 */
final class TreeReader {

	private final RawZooKeeper raw;

	private final int windowSize;

	TreeReader(RawZooKeeper raw, int windowSize) {
		this.raw = raw;
		this.windowSize = windowSize;
	}

	/**
	 * Reads the subtree at a path, down to a depth.
	 * @param path the top of the subtree
	 * @param maxDepth how deep to read: 0 for the node alone, 1 with its children, and so on
	 * @return the nodes read, depth-first with siblings sorted by name; empty when the top is
	 * missing
	 */
	List<ZkNode> read(String path, int maxDepth) {
		Reading reading = new Reading(this.raw.zooKeeper(), new AsyncWindow(this.windowSize), maxDepth);
		reading.readNode(path, 0);
		reading.window.await();
		return reading.inOrder(path);
	}

	private final class Reading {

		private final ZooKeeper zooKeeper;

		private final AsyncWindow window;

		private final int maxDepth;

		private final Map<String, ZkNode> nodes = new ConcurrentHashMap<>();

		private final Map<String, List<String>> children = new ConcurrentHashMap<>();

		Reading(ZooKeeper zooKeeper, AsyncWindow window, int maxDepth) {
			this.zooKeeper = zooKeeper;
			this.window = window;
			this.maxDepth = maxDepth;
		}

		void readNode(String path, int depth) {
			String serverPath = TreeReader.this.raw.toServer(path);
			this.window.submit(() -> this.zooKeeper.getData(serverPath, false, (rc, p, ctx, data, stat) -> {
				if (rc == KeeperException.Code.OK.intValue()) {
					this.nodes.put(path, new ZkNode(path, data, stat));
					if (stat.getNumChildren() > 0 && depth < this.maxDepth) {
						readChildren(path, depth);
					}
				}
				else if (rc != KeeperException.Code.NONODE.intValue()) {
					this.window.fail(rc, path);
				}
				this.window.complete();
			}, null));
		}

		void readChildren(String path, int depth) {
			String serverPath = TreeReader.this.raw.toServer(path);
			this.window.submit(() -> this.zooKeeper.getChildren(serverPath, false, (rc, p, ctx, names) -> {
				if (rc == KeeperException.Code.OK.intValue()) {
					List<String> sorted = new ArrayList<>(names);
					sorted.sort(null);
					this.children.put(path, sorted);
					for (String name : sorted) {
						readNode(ZkPath.child(path, name), depth + 1);
					}
				}
				else if (rc != KeeperException.Code.NONODE.intValue()) {
					this.window.fail(rc, path);
				}
				this.window.complete();
			}, null));
		}

		List<ZkNode> inOrder(String top) {
			List<ZkNode> result = new ArrayList<>(this.nodes.size());
			Deque<String> stack = new ArrayDeque<>();
			stack.push(top);
			while (!stack.isEmpty()) {
				String path = stack.pop();
				ZkNode node = this.nodes.get(path);
				if (node == null) {
					continue;
				}
				result.add(node);
				List<String> names = this.children.getOrDefault(path, List.of());
				for (int i = names.size() - 1; i >= 0; i--) {
					stack.push(ZkPath.child(path, names.get(i)));
				}
			}
			return result;
		}

	}

}
