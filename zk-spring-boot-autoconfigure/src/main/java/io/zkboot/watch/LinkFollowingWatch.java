package io.zkboot.watch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.zkboot.core.ZkInterruptedException;
import io.zkboot.core.ZkOperationTimeoutException;
import io.zkboot.tree.LinkLoopException;
import io.zkboot.tree.LinkResolver;
import io.zkboot.tree.NoSuchNodeException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;

/**
 * A watch on a path that may go through symbolic links (zc.zk's {@code name ->} properties):
 * it watches the real node the path resolves to, and the nodes holding the links followed.
 * When a link changes, or the real node is deleted, the path is resolved again and the watch
 * moves to the new real node. When the path no longer resolves, the listener is told an
 * absent snapshot and the watch stops.
 *
 * <p>The listener is called one snapshot at a time, in order, on a thread of the pool; each
 * snapshot's path is the real path it was read at. It names further nodes (for example every
 * node along its property links) whose changes tell it the current snapshot again. Each node is
 * watched once, however many roles it has, and no longer once it has none.
 */
final class LinkFollowingWatch implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(LinkFollowingWatch.class);

	private final CuratorFramework client;

	private final String path;

	private final WatchKind kind;

	private final Executor pool;

	private final SerialExecutor serial;

	private final Function<NodeSnapshot, Map<String, Long>> listener;

	private final DependencyWatches nodeWatches;

	private Map<String, Long> linkHolders = Map.of();

	private Map<String, Long> dependencies = Map.of();

	private final CountDownLatch firstSnapshot = new CountDownLatch(1);

	private NodeWatch target;

	private NodeSnapshot current;

	private volatile boolean closed;

	private LinkFollowingWatch(CuratorFramework client, String path, WatchKind kind, Executor pool,
			Function<NodeSnapshot, Map<String, Long>> listener) {
		this.client = client;
		this.path = path;
		this.kind = kind;
		this.pool = pool;
		this.serial = new SerialExecutor(pool);
		this.listener = listener;
		this.nodeWatches = new DependencyWatches(client, pool,
				(changed) -> this.serial.execute(() -> nodeChanged(changed)));
	}

	/**
	 * Resolves the path and starts watching; returns once the listener was told the first
	 * snapshot, waiting at most the client's connection timeout for it.
	 * @param client a started client
	 * @param path the path, possibly through links
	 * @param kind what to follow on the real node
	 * @param pool the shared pool
	 * @param listener told every snapshot; returns the other nodes whose changes should tell it
	 * the current snapshot again (for example the nodes along property links), each with the
	 * version it was read at (see {@link LinkRecordingReader})
	 * @return the running watch
	 * @throws NoSuchNodeException if the path leads nowhere
	 * @throws LinkLoopException if links lead in a circle
	 * @throws ZkOperationTimeoutException if the first snapshot was not told within the client's
	 * connection timeout (the pool is busy); the watch is closed
	 * @throws ZkInterruptedException if interrupted while waiting; the watch is closed
	 */
	static LinkFollowingWatch start(CuratorFramework client, String path, WatchKind kind, Executor pool,
			Function<NodeSnapshot, Map<String, Long>> listener) {
		LinkFollowingWatch watch = new LinkFollowingWatch(client, path, kind, pool, listener);
		LinkRecordingReader reader = new LinkRecordingReader(client);
		String realPath = new LinkResolver(reader).resolve(path);
		watch.serial.execute(() -> watch.follow(realPath, reader.linkHolders()));
		watch.awaitFirstSnapshot(client.getZookeeperClient().getConnectionTimeoutMs());
		return watch;
	}

	private void awaitFirstSnapshot(long timeoutMs) {
		boolean told;
		try {
			told = this.firstSnapshot.await(timeoutMs, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			close();
			Thread.currentThread().interrupt();
			throw new ZkInterruptedException(this.path, ex);
		}
		if (!told) {
			close();
			throw new ZkOperationTimeoutException("The watch on " + this.path + " told no first snapshot within "
					+ timeoutMs + " ms (the client's connection timeout): is the watch pool busy?", this.path, null);
		}
	}

	private void follow(String realPath, Map<String, Long> linkHolders) {
		if (this.closed) {
			return;
		}
		if (this.target == null || !this.target.getPath().equals(realPath)) {
			if (this.target != null) {
				this.target.close();
			}
			this.target = new NodeWatch(this.client, realPath, this.kind, this.pool, (snapshot) -> {
				this.serial.execute(() -> targetChanged(snapshot));
				return true;
			});
			this.target.start().thenRun(() -> this.serial.execute(() -> this.firstSnapshot.countDown()));
		}
		this.linkHolders = linkHolders;
		watchNodes();
	}

	/**
	 * Keeps one data watch on each link holder and dependency (see {@link DependencyWatches}).
	 */
	private void watchNodes() {
		Map<String, Long> versions = new LinkedHashMap<>(this.dependencies);
		versions.putAll(this.linkHolders);
		this.nodeWatches.watch(versions);
	}

	/**
	 * A link holder changed: resolves the path again; a dependency changed: tells the current
	 * snapshot again, unless the watch moved (the new node's first read tells it).
	 */
	private void nodeChanged(String path) {
		if (this.linkHolders.containsKey(path)) {
			NodeWatch before = this.target;
			resolveAgain();
			if (this.target != before) {
				return;
			}
		}
		if (this.dependencies.containsKey(path)) {
			tellAgain();
		}
	}

	private void resolveAgain() {
		if (this.closed) {
			return;
		}
		LinkRecordingReader reader = new LinkRecordingReader(this.client);
		try {
			follow(new LinkResolver(reader).resolve(this.path), reader.linkHolders());
		}
		catch (NoSuchNodeException | LinkLoopException ex) {
			logger.info("Watched path " + this.path + " no longer resolves: " + ex.getMessage());
			close();
			this.listener.apply(NodeSnapshot.absent(this.path));
			this.firstSnapshot.countDown();
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot resolve " + this.path + " again: " + ex.getMessage());
		}
	}

	private void targetChanged(NodeSnapshot snapshot) {
		if (this.closed || !snapshot.path().equals(this.target.getPath())) {
			return;
		}
		if (!snapshot.exists()) {
			resolveAgain();
			return;
		}
		tell(snapshot);
	}

	private void tell(NodeSnapshot snapshot) {
		this.current = snapshot;
		Map<String, Long> dependencies = new LinkedHashMap<>(this.listener.apply(snapshot));
		dependencies.remove(snapshot.path());
		this.dependencies = dependencies;
		watchNodes();
	}

	private void tellAgain() {
		if (!this.closed && this.current != null) {
			tell(this.current);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.firstSnapshot.countDown();
		this.serial.execute(() -> {
			if (this.target != null) {
				this.target.close();
			}
			this.nodeWatches.close();
		});
	}

}
