package io.zkboot.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zkboot.tree.CodePointOrder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.Stat;

/**
 * A watch on one node with kazoo's {@code DataWatch}/{@code ChildrenWatch} semantics: the
 * listener is told the current state at start and after every change, including the node's
 * creation and deletion (a missing node reads as {@link NodeSnapshot#absent absent}).
 *
 * <p>ZooKeeper's one-time watches are re-armed by the read that follows each event, so the
 * last state is always read and told; changes made while a read or a call is under way are
 * coalesced into the next read. Reads and calls run on a serial queue over a shared pool,
 * never on ZooKeeper's event thread. After a new session (the old one was lost), the node is
 * read again and the listener told even if nothing changed; after a failed read, the next
 * connection reads again.
 */
public final class NodeWatch implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(NodeWatch.class);

	private final CuratorFramework client;

	private final String path;

	private final WatchKind kind;

	private final WatchListener listener;

	private final SerialExecutor serial;

	private final AtomicBoolean readPending = new AtomicBoolean();

	private final CompletableFuture<Void> firstRead = new CompletableFuture<>();

	private final CuratorWatcher watcher = this::watched;

	private final ConnectionStateListener connectionListener = this::connectionChanged;

	private volatile boolean closed;

	private volatile boolean failed;

	private volatile long readSession;

	private long toldSession;

	private long lastVersion = Long.MIN_VALUE;

	/**
	 * Creates a watch; nothing is read before {@link #start()}.
	 * @param client a started client
	 * @param path the node's path
	 * @param kind what to follow
	 * @param pool the shared pool the reads and calls run on
	 * @param listener told every state read
	 */
	public NodeWatch(CuratorFramework client, String path, WatchKind kind, Executor pool, WatchListener listener) {
		this.client = client;
		this.path = path;
		this.kind = kind;
		this.listener = listener;
		this.serial = new SerialExecutor(pool);
	}

	/**
	 * Starts watching: reads the node and tells the listener, in the background.
	 * @return completed once the first read was told to the listener (or failed, in which
	 * case the next connection reads again); completed at once when the client is not
	 * connected, so that an application started without ZooKeeper is not held up
	 */
	public CompletableFuture<Void> start() {
		this.client.getConnectionStateListenable().addListener(this.connectionListener);
		if (!this.client.getZookeeperClient().isConnected()) {
			this.firstRead.complete(null);
		}
		requestRead();
		return this.firstRead;
	}

	/**
	 * The watched path.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * Whether the watch has stopped (closed, or the listener returned {@code false}).
	 * @return true once stopped
	 */
	public boolean isClosed() {
		return this.closed;
	}

	/**
	 * Stops watching; the listener is not told anything more.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.firstRead.complete(null);
		this.client.getConnectionStateListenable().removeListener(this.connectionListener);
		try {
			this.client.watchers().remove(this.watcher).locally().forPath(this.path);
		}
		catch (Exception ex) {
			// no watch left to remove
		}
	}

	private void watched(WatchedEvent event) {
		if (event.getType() != Watcher.Event.EventType.None) {
			requestRead();
		}
	}

	private void connectionChanged(CuratorFramework client, ConnectionState state) {
		boolean connected = state == ConnectionState.CONNECTED || state == ConnectionState.RECONNECTED;
		if (connected && (this.failed || currentSession() != this.readSession)) {
			requestRead();
		}
	}

	private void requestRead() {
		if (!this.closed && this.readPending.compareAndSet(false, true)) {
			this.serial.execute(this::readAndTell);
		}
	}

	private void readAndTell() {
		this.readPending.set(false);
		if (this.closed) {
			return;
		}
		NodeSnapshot snapshot;
		try {
			snapshot = read();
			this.readSession = currentSession();
			this.failed = false;
		}
		catch (Exception ex) {
			this.failed = true;
			logger.warn("Cannot read " + this.path + " for its watch (reading again once connected): " + ex);
			this.firstRead.complete(null);
			return;
		}
		long version = versionOf(snapshot);
		boolean newSession = this.toldSession != 0 && this.readSession != this.toldSession;
		if (newSession || version != this.lastVersion) {
			this.lastVersion = version;
			this.toldSession = this.readSession;
			tell(snapshot);
		}
		this.firstRead.complete(null);
	}

	private void tell(NodeSnapshot snapshot) {
		boolean goOn;
		try {
			goOn = this.listener.onChange(snapshot);
		}
		catch (RuntimeException ex) {
			logger.error("Watch listener " + this.listener + " on " + this.path + " failed; the watch stays", ex);
			goOn = true;
		}
		if (!goOn) {
			close();
		}
	}

	private NodeSnapshot read() throws Exception {
		while (true) {
			Stat stat = new Stat();
			try {
				if (this.kind == WatchKind.DATA) {
					byte[] data = this.client.getData().storingStatIn(stat).usingWatcher(this.watcher).forPath(this.path);
					return new NodeSnapshot(this.path, data, stat, List.of());
				}
				List<String> children = new ArrayList<>(
						this.client.getChildren().storingStatIn(stat).usingWatcher(this.watcher).forPath(this.path));
				children.sort(CodePointOrder.NAMES);
				return new NodeSnapshot(this.path, null, stat, List.copyOf(children));
			}
			catch (KeeperException.NoNodeException ex) {
				if (this.client.checkExists().usingWatcher(this.watcher).forPath(this.path) == null) {
					return NodeSnapshot.absent(this.path);
				}
				// created between the two reads: read it
			}
		}
	}

	private long versionOf(NodeSnapshot snapshot) {
		if (!snapshot.exists()) {
			return -1;
		}
		return (this.kind == WatchKind.DATA) ? snapshot.stat().getMzxid() : snapshot.stat().getPzxid();
	}

	private long currentSession() {
		try {
			return this.client.getZookeeperClient().getZooKeeper().getSessionId();
		}
		catch (Exception ex) {
			return 0;
		}
	}

}
