package io.zkboot.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zkboot.core.internal.CodePointOrder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorEvent;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;

/**
 * A watch on one node with kazoo's {@code DataWatch}/{@code ChildrenWatch} semantics: the
 * listener is told the current state at start and after every change, including the node's
 * creation and deletion (a missing node reads as {@link NodeSnapshot#absent absent}).
 *
 * <p>ZooKeeper's one-time watches are re-armed by the read that follows each event, so the
 * last state is always read and told; changes made while a call is under way are coalesced
 * into the next read. Reads are asynchronous (no thread waits for ZooKeeper, so many watches
 * read pipelined); what they read is told on a serial queue over a shared pool, never on
 * ZooKeeper's event thread. After a new session (the old one was lost), the node is
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
		read();
	}

	/**
	 * Reads the node in the background (the callback runs on ZooKeeper's event thread and only
	 * hands the result to the serial queue), so that no pool thread waits for ZooKeeper: a
	 * thousand watches starting or reading again after a new session are a thousand pipelined
	 * reads, not a thousand blocked threads.
	 */
	private void read() {
		try {
			if (this.kind == WatchKind.DATA) {
				this.client.getData().usingWatcher(this.watcher).inBackground(this::dataRead).forPath(this.path);
			}
			else {
				this.client.getChildren().usingWatcher(this.watcher).inBackground(this::dataRead).forPath(this.path);
			}
		}
		catch (Exception ex) {
			this.serial.execute(() -> readFailed(ex));
		}
	}

	private void dataRead(CuratorFramework client, CuratorEvent event) {
		KeeperException.Code code = KeeperException.Code.get(event.getResultCode());
		if (code == KeeperException.Code.OK) {
			NodeSnapshot snapshot = (this.kind == WatchKind.DATA)
					? new NodeSnapshot(this.path, event.getData(), event.getStat(), List.of())
					: new NodeSnapshot(this.path, null, event.getStat(), sorted(event.getChildren()));
			this.serial.execute(() -> tellRead(snapshot));
		}
		else if (code == KeeperException.Code.NONODE) {
			checkAbsent();
		}
		else {
			KeeperException failure = KeeperException.create(code, this.path);
			this.serial.execute(() -> readFailed(failure));
		}
	}

	private void checkAbsent() {
		try {
			this.client.checkExists().usingWatcher(this.watcher).inBackground(this::existsChecked).forPath(this.path);
		}
		catch (Exception ex) {
			this.serial.execute(() -> readFailed(ex));
		}
	}

	private void existsChecked(CuratorFramework client, CuratorEvent event) {
		KeeperException.Code code = KeeperException.Code.get(event.getResultCode());
		if (code == KeeperException.Code.NONODE || (code == KeeperException.Code.OK && event.getStat() == null)) {
			this.serial.execute(() -> tellRead(NodeSnapshot.absent(this.path)));
		}
		else if (code == KeeperException.Code.OK) {
			// created between the two reads: read it
			read();
		}
		else {
			KeeperException failure = KeeperException.create(code, this.path);
			this.serial.execute(() -> readFailed(failure));
		}
	}

	private void readFailed(Exception ex) {
		this.failed = true;
		if (!this.closed) {
			logger.warn("Cannot read " + this.path + " for its watch (reading again once connected): " + ex);
		}
		this.firstRead.complete(null);
	}

	private void tellRead(NodeSnapshot snapshot) {
		if (this.closed) {
			return;
		}
		this.readSession = currentSession();
		this.failed = false;
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

	private static List<String> sorted(List<String> names) {
		List<String> children = new ArrayList<>(names);
		children.sort(CodePointOrder.NAMES);
		return List.copyOf(children);
	}

	private long versionOf(NodeSnapshot snapshot) {
		if (this.kind == WatchKind.DATA || !snapshot.exists()) {
			return snapshot.modified();
		}
		return snapshot.stat().getPzxid();
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
