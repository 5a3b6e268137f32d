package io.zkboot.watch;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.curator.framework.CuratorFramework;

/**
 * Data watches on the nodes an owner's last read depended on (the nodes along property links,
 * the nodes holding the links followed), each read at a version: every node is watched once,
 * however often it is read, and no longer once the owner's read no longer depends on it. A
 * watch that reads a version other than the one last recorded (the first read included, as
 * the node may have changed since the owner read it) tells the owner the node's path, on the
 * watch's thread.
 */
public final class DependencyWatches implements AutoCloseable {

	private final CuratorFramework client;

	private final Executor pool;

	private final Consumer<String> changed;

	private final Map<String, Dependency> dependencies = new HashMap<>();

	private boolean closed;

	/**
	 * Creates the watches; nothing is watched before {@link #watch}.
	 * @param client a started client
	 * @param pool the shared pool the watches run on
	 * @param changed told the path of a node read at another version than last recorded
	 */
	public DependencyWatches(CuratorFramework client, Executor pool, Consumer<String> changed) {
		this.client = client;
		this.pool = pool;
		this.changed = changed;
	}

	/**
	 * Watches the nodes of the owner's last read, each recorded at the version read, and stops
	 * watching the others.
	 * @param read each node read, with the {@code mzxid} it was read at ({@code -1} when
	 * absent)
	 */
	public synchronized void watch(Map<String, Long> read) {
		if (this.closed) {
			return;
		}
		this.dependencies.entrySet().removeIf((entry) -> {
			boolean stale = !read.containsKey(entry.getKey());
			if (stale) {
				entry.getValue().watch().close();
			}
			return stale;
		});
		read.forEach((path, version) -> {
			Dependency dependency = this.dependencies.get(path);
			if (dependency != null) {
				dependency.seen().set(version);
			}
			else {
				this.dependencies.put(path, watchNode(path, version));
			}
		});
	}

	private Dependency watchNode(String path, long version) {
		AtomicLong seen = new AtomicLong(version);
		NodeWatch watch = new NodeWatch(this.client, path, WatchKind.DATA, this.pool, (snapshot) -> {
			long read = snapshot.modified();
			if (seen.getAndSet(read) != read) {
				this.changed.accept(path);
			}
			return true;
		});
		watch.start();
		return new Dependency(watch, seen);
	}

	/**
	 * Stops every watch; later calls of {@link #watch} watch nothing.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		this.dependencies.values().forEach((dependency) -> dependency.watch().close());
		this.dependencies.clear();
	}

	private record Dependency(NodeWatch watch, AtomicLong seen) {
	}

}
