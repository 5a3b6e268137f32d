package io.zkboot.watch;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.apache.curator.framework.CuratorFramework;
import org.jspecify.annotations.Nullable;

/**
 * The names of a node's children as an iterable kept current, as zc.zk's
 * {@code children()}: the path is resolved through symbolic links, and resolved again when a
 * link changes or the real node is deleted.
 *
 * <p>Callbacks registered with {@link #onChange} are called at once, then after every change,
 * one at a time, on a thread of the watch pool. When the node is deleted and the path no
 * longer resolves, the view is cleared, {@link #isDeleted()} turns true and the callbacks are
 * called a last time. Close the view to stop watching.
 */
public final class ChildrenView implements Iterable<String>, AutoCloseable {

	private final CuratorFramework client;

	private final String path;

	private final Executor pool;

	private volatile LinkFollowingWatch watch;

	private final ViewCallbacks<ChildrenView> callbacks;

	private volatile @Nullable String realPath;

	private volatile List<String> children = List.of();

	private volatile boolean deleted;

	/**
	 * Makes a view; nothing is read before {@link #start()}.
	 * @param client a started client
	 * @param path the node's path, possibly through symbolic links
	 * @param pool the pool the watch runs on
	 */
	ChildrenView(CuratorFramework client, String path, Executor pool) {
		this.client = client;
		this.path = path;
		this.pool = pool;
		this.callbacks = new ViewCallbacks<>(path);
	}

	/**
	 * Starts watching; returns once the view holds the current children.
	 * @throws io.zkboot.tree.NoSuchNodeException if the path leads nowhere
	 */
	void start() {
		this.watch = LinkFollowingWatch.start(this.client, this.path, WatchKind.CHILDREN, this.pool, this::changed);
	}

	private Map<String, Long> changed(NodeSnapshot snapshot) {
		if (snapshot.exists()) {
			this.realPath = snapshot.path();
		}
		else {
			this.deleted = true;
		}
		this.children = snapshot.children();
		this.callbacks.callAll(this);
		return Map.of();
	}

	/**
	 * Registers a callback, called at once on this thread, then after every change.
	 * @param callback given this view
	 * @return this view
	 */
	public ChildrenView onChange(Consumer<? super ChildrenView> callback) {
		this.callbacks.add(callback, this);
		return this;
	}

	/**
	 * The child names, in code-point order.
	 * @return an iterator over a snapshot of the names
	 */
	@Override
	public Iterator<String> iterator() {
		return this.children.iterator();
	}

	/**
	 * The number of children.
	 * @return the count
	 */
	public int size() {
		return this.children.size();
	}

	/**
	 * The current child names.
	 * @return an immutable list, in code-point order
	 */
	public List<String> names() {
		return this.children;
	}

	/**
	 * The path the view was opened with.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * The path of the node read, after following symbolic links.
	 * @return the real path
	 */
	public String getRealPath() {
		return this.realPath;
	}

	/**
	 * Whether the node was deleted (and the path no longer resolves).
	 * @return true once deleted
	 */
	public boolean isDeleted() {
		return this.deleted;
	}

	/**
	 * Stops watching; the view keeps its last children.
	 */
	@Override
	public void close() {
		if (this.watch != null) {
			this.watch.close();
		}
	}

	@Override
	public String toString() {
		return "ChildrenView[" + this.path + " -> " + this.realPath + "] " + this.children;
	}

}
