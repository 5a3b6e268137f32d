package io.zkboot.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The baseline: the same calls as ZkTemplate's bulk operations, written directly against the
 * plain ZooKeeper client's asynchronous API, as a careful user would (everything issued at once, no
 * window, callbacks issuing the next calls, a latch at the end).
 */
final class PlainAsyncTree {

	private final ZooKeeper zooKeeper;

	PlainAsyncTree(ZooKeeper zooKeeper) {
		this.zooKeeper = zooKeeper;
	}

	/** Creates persistent nodes in the given order (parents first) and waits for all. */
	void create(List<String> paths, byte[] data) throws Exception {
		forAll(paths, (path, done) -> this.zooKeeper.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE,
				CreateMode.PERSISTENT, (rc, p, ctx, name) -> done.accept(rc), null));
	}

	/** Deletes nodes in the given order (children first) and waits for all. */
	void delete(List<String> paths) throws Exception {
		forAll(paths, (path, done) -> this.zooKeeper.delete(path, -1, (rc, p, ctx) -> done.accept(rc), null));
	}

	/** Issues one call per path, all at once, and waits for every result code. */
	private static void forAll(List<String> paths, BiConsumer<String, IntConsumer> call) throws Exception {
		CountDownLatch done = new CountDownLatch(paths.size());
		AtomicReference<KeeperException.Code> failure = new AtomicReference<>();
		for (String path : paths) {
			call.accept(path, (rc) -> {
				if (rc != 0) {
					failure.compareAndSet(null, KeeperException.Code.get(rc));
				}
				done.countDown();
			});
		}
		done.await();
		check(failure);
	}

	/**
	 * Reads every node's data and Stat under a path, and the children of every node whose Stat says
	 * it has some.
	 */
	Map<String, byte[]> read(String root) throws Exception {
		Map<String, byte[]> nodes = new ConcurrentHashMap<>();
		AtomicInteger pending = new AtomicInteger(1);
		CountDownLatch done = new CountDownLatch(1);
		AtomicReference<KeeperException.Code> failure = new AtomicReference<>();
		new Object() {

			void readNode(String path) {
				PlainAsyncTree.this.zooKeeper.getData(path, false, (rc, p, ctx, data, stat) -> {
					if (rc == 0) {
						nodes.put(path, data);
						if (stat.getNumChildren() > 0) {
							pending.incrementAndGet();
							readChildren(path);
						}
					}
					else {
						failure.compareAndSet(null, KeeperException.Code.get(rc));
					}
					finish();
				}, null);
			}

			void readChildren(String path) {
				PlainAsyncTree.this.zooKeeper.getChildren(path, false, (rc, p, ctx, children) -> {
					if (rc == 0) {
						pending.addAndGet(children.size());
						for (String child : children) {
							readNode(path + "/" + child);
						}
					}
					else {
						failure.compareAndSet(null, KeeperException.Code.get(rc));
					}
					finish();
				}, null);
			}

			void finish() {
				if (pending.decrementAndGet() == 0) {
					done.countDown();
				}
			}

		}.readNode(root);
		done.await();
		check(failure);
		return nodes;
	}

	/** Lists a tree's paths by reading it, children before parents (reverse sorted order). */
	List<String> childrenFirst(String root) throws Exception {
		List<String> paths = new ArrayList<>(read(root).keySet());
		paths.sort(Collections.reverseOrder());
		return paths;
	}

	private static void check(AtomicReference<KeeperException.Code> failure) throws KeeperException {
		if (failure.get() != null) {
			throw KeeperException.create(failure.get());
		}
	}

}
