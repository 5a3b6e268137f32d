package io.zkboot.watch;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;

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
 * snapshot's path is the real path it was read at. It names further nodes (property link
 * targets) whose changes tell it the current snapshot again.
 */
final class LinkFollowingWatch implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(LinkFollowingWatch.class);

	private final CuratorFramework client;

	private final String path;

	private final WatchKind kind;

	private final Executor pool;

	private final SerialExecutor serial;

	private final Function<NodeSnapshot, Set<String>> listener;

	private final Map<String, NodeWatch> linkWatches = new HashMap<>();

	private final Map<String, NodeWatch> dependencyWatches = new HashMap<>();

	private final CompletableFuture<Void> firstSnapshot = new CompletableFuture<>();

	private NodeWatch target;

	private NodeSnapshot current;

	private volatile boolean closed;

	private LinkFollowingWatch(CuratorFramework client, String path, WatchKind kind, Executor pool,
			Function<NodeSnapshot, Set<String>> listener) {
		this.client = client;
		this.path = path;
		this.kind = kind;
		this.pool = pool;
		this.serial = new SerialExecutor(pool);
		this.listener = listener;
	}

	/**
	 * Resolves the path and starts watching; returns once the listener was told the first
	 * snapshot.
	 * @param client a started client
	 * @param path the path, possibly through links
	 * @param kind what to follow on the real node
	 * @param pool the shared pool
	 * @param listener told every snapshot; returns the paths of other nodes whose changes
	 * should tell it the current snapshot again (for example property link targets)
	 * @return the running watch
	 * @throws NoSuchNodeException if the path leads nowhere
	 * @throws LinkLoopException if links lead in a circle
	 */
	static LinkFollowingWatch start(CuratorFramework client, String path, WatchKind kind, Executor pool,
			Function<NodeSnapshot, Set<String>> listener) {
		LinkFollowingWatch watch = new LinkFollowingWatch(client, path, kind, pool, listener);
		LinkRecordingReader reader = new LinkRecordingReader(client);
		String realPath = new LinkResolver(reader).resolve(path);
		watch.serial.execute(() -> watch.follow(realPath, reader.linkHolders()));
		watch.firstSnapshot.join();
		return watch;
	}

	private void follow(String realPath, Set<String> linkHolders) {
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
			this.target.start().thenRun(() -> this.serial.execute(() -> this.firstSnapshot.complete(null)));
		}
		watchEach(this.linkWatches, linkHolders, this::resolveAgain);
	}

	/**
	 * Keeps a data watch on each of the paths (closing those on other paths) that runs the
	 * action, on this watch's serial queue, after every change but the first read.
	 */
	private void watchEach(Map<String, NodeWatch> watches, Set<String> paths, Runnable action) {
		watches.keySet().removeIf((path) -> {
			boolean stale = !paths.contains(path);
			if (stale) {
				watches.get(path).close();
			}
			return stale;
		});
		for (String path : paths) {
			watches.computeIfAbsent(path, (watched) -> {
				AtomicBoolean firstRead = new AtomicBoolean(true);
				NodeWatch watch = new NodeWatch(this.client, watched, WatchKind.DATA, this.pool, (snapshot) -> {
					if (!firstRead.getAndSet(false)) {
						this.serial.execute(action);
					}
					return true;
				});
				watch.start();
				return watch;
			});
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
			this.firstSnapshot.complete(null);
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
		watchEach(this.dependencyWatches, this.listener.apply(snapshot), this::tellAgain);
	}

	private void tellAgain() {
		if (!this.closed && this.current != null) {
			tell(this.current);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.firstSnapshot.complete(null);
		this.serial.execute(() -> {
			if (this.target != null) {
				this.target.close();
			}
			Stream.of(this.linkWatches, this.dependencyWatches).forEach((watches) -> {
				watches.values().forEach(NodeWatch::close);
				watches.clear();
			});
		});
	}

}
