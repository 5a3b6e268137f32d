package io.zkboot.watch;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import io.zkboot.core.InvalidNodeDataException;
import io.zkboot.core.NodeProperties;
import io.zkboot.core.ZkBadVersionException;
import io.zkboot.core.ZkException;
import io.zkboot.core.ZkExceptionTranslator;
import io.zkboot.core.ZkNoNodeException;
import io.zkboot.tree.CuratorNodeReader;
import io.zkboot.tree.LinkResolver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

/**
 * The properties of a node as a read-only {@link Map} kept current, as zc.zk's
 * {@code properties()}: the path is resolved through symbolic links, and resolved again when
 * a link changes or the real node is deleted. A property link {@code name =>} shows as the key
 * {@code name} with the value read through the link, unless a property {@code name} is stored
 * (which shadows it); {@link #stored()} is the map as stored, link entries included. Writes go
 * to ZooKeeper under stored names: {@link #update} merges, {@link #set} replaces, {@link #put}
 * updates one key.
 *
 * <p>Callbacks registered with {@link #onChange} are called at once, then after every change
 * of the node or of any node along its property links (which are followed again), one at a
 * time, on a thread of the watch pool. When the node is deleted and the path no
 * longer resolves, the view is cleared, {@link #isDeleted()} turns true, the callbacks are
 * called a last time and writes fail. A view made without watching never changes and refuses
 * callbacks. Close the view to stop watching.
 *
 * <p>Views are opened by {@link ZkViews}: made, then started (or read once), as Curator's
 * recipes; the watch is handed the view only once it is made.
 */
public final class PropertiesView extends AbstractMap<String, Object> implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(PropertiesView.class);

	/** How often {@link #update} reads and writes again when the node changed in between. */
	static final int UPDATE_ATTEMPTS = 10;

	private final CuratorFramework client;

	private final String path;

	private final Executor pool;

	private volatile LinkFollowingWatch watch;

	private final ViewCallbacks<PropertiesView> callbacks;

	private volatile String realPath;

	private volatile ResolvedProperties properties = ResolvedProperties.EMPTY;

	private volatile boolean deleted;

	/**
	 * Makes a view; nothing is read before {@link #start()} or {@link #read()}.
	 * @param client a started client
	 * @param path the node's path, possibly through symbolic links
	 * @param pool the pool the watch runs on
	 */
	PropertiesView(CuratorFramework client, String path, Executor pool) {
		this.client = client;
		this.path = path;
		this.pool = pool;
		this.callbacks = new ViewCallbacks<>(path);
	}

	/**
	 * Starts watching; returns once the view holds the current properties.
	 * @throws io.zkboot.tree.NoSuchNodeException if the path leads nowhere
	 */
	void start() {
		this.watch = LinkFollowingWatch.start(this.client, this.path, WatchKind.DATA, this.pool, this::changed);
	}

	/**
	 * Reads the node's properties once, without watching: the view never changes by itself.
	 * @throws io.zkboot.tree.NoSuchNodeException if the path leads nowhere
	 */
	void read() {
		this.realPath = new LinkResolver(new CuratorNodeReader(this.client)).resolve(this.path);
		this.properties = resolve(readStored(new Stat()));
	}

	/**
	 * Takes a snapshot of the node, following its property links; returns every node read
	 * along them, so that a change anywhere on a chain tells the snapshot again.
	 */
	private Map<String, Long> changed(NodeSnapshot snapshot) {
		LinkRecordingReader reader = new LinkRecordingReader(this.client);
		if (snapshot.exists()) {
			Map<String, Object> stored;
			try {
				stored = snapshot.properties();
			}
			catch (InvalidNodeDataException invalid) {
				logger.error(invalid.getMessage() + "; the properties view of " + this.path + " keeps its last good properties");
				return reader.nodesRead();
			}
			this.realPath = snapshot.path();
			this.properties = ResolvedProperties.resolve(stored, this.path, reader);
		}
		else {
			this.properties = ResolvedProperties.EMPTY;
			this.deleted = true;
		}
		this.callbacks.callAll(this);
		return reader.nodesRead();
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
	 * Registers a callback, called at once on this thread, then after every change.
	 * @param callback given this view
	 * @return this view
	 * @throws IllegalStateException if the view does not watch
	 */
	public PropertiesView onChange(Consumer<? super PropertiesView> callback) {
		if (this.watch == null) {
			throw new IllegalStateException("Can't set callbacks without watching: " + this.path);
		}
		this.callbacks.add(callback, this);
		return this;
	}

	/**
	 * The properties as stored, property links ({@code name =>}) included under their stored
	 * names and not followed: what {@link #update} and {@link #set} write.
	 * @return an unmodifiable map, replaced (not changed) when the node changes
	 */
	public Map<String, Object> stored() {
		return this.properties.stored();
	}

	/**
	 * Reads a property; a key stored as a property link ({@code key =>}) and not as itself
	 * is read through the link (as it was when the view last read the node).
	 * @param key the property name
	 * @return the value, or {@code null}
	 * @throws io.zkboot.tree.BadPropertyLinkException if the link cannot be followed
	 */
	@Override
	public @Nullable Object get(Object key) {
		return this.properties.get(key);
	}

	@Override
	public boolean containsKey(Object key) {
		return this.properties.containsKey(key);
	}

	@Override
	public int size() {
		return this.properties.size();
	}

	@Override
	public Set<String> keySet() {
		return this.properties.keySet();
	}

	/**
	 * The properties with property links followed; reading the value of a link that cannot be
	 * followed throws {@link io.zkboot.tree.BadPropertyLinkException} (so do {@code values()},
	 * {@code equals} and {@code hashCode} when they reach it).
	 * @return an unmodifiable set
	 */
	@Override
	public Set<Entry<String, Object>> entrySet() {
		return this.properties.entrySet();
	}

	/**
	 * Merges properties into the node's (zc.zk's {@code update}): reads the node, merges and
	 * writes at the version read, and does so again, up to {@value #UPDATE_ATTEMPTS} times in
	 * all, when another client changed the node in between.
	 * @param changes the properties to add or replace
	 * @throws ZkNoNodeException if the node was deleted
	 * @throws ZkBadVersionException if the node changed between every read and write
	 * @throws ZkException if the node cannot be read or written
	 * @throws io.zkboot.tree.BadPropertyLinkException if a property link would not resolve
	 * (nothing is written)
	 */
	public void update(Map<String, ?> changes) {
		for (int attempt = 1; attempt <= UPDATE_ATTEMPTS; attempt++) {
			Stat stat = new Stat();
			Map<String, Object> merged = readStored(stat);
			merged.putAll(changes);
			if (write(merged, stat.getVersion())) {
				return;
			}
		}
		throw new ZkBadVersionException("Cannot update the properties of " + this.realPath + ": the node changed "
				+ "between reading and writing " + UPDATE_ATTEMPTS + " times in a row", this.realPath, null);
	}

	/**
	 * Replaces the node's properties (zc.zk's {@code set}).
	 * @param replacement the new properties
	 * @throws ZkNoNodeException if the node was deleted
	 * @throws ZkException if the node cannot be written
	 * @throws io.zkboot.tree.BadPropertyLinkException if a property link would not resolve
	 * (nothing is written)
	 */
	public void set(Map<String, ?> replacement) {
		write(new LinkedHashMap<>(replacement), -1);
	}

	/**
	 * Sets one stored property, keeping the others.
	 * @param key the stored name
	 * @param value the value, JSON-compatible
	 * @return the previous stored value of that name, links not followed
	 */
	@Override
	public Object put(String key, Object value) {
		Object previous = this.properties.stored().get(key);
		update(Collections.singletonMap(key, value));
		return previous;
	}

	private Map<String, Object> readStored(Stat stat) {
		checkNotDeleted();
		try {
			return NodeProperties.decode(this.realPath, this.client.getData().storingStatIn(stat).forPath(this.realPath));
		}
		catch (Exception ex) {
			throw ZkExceptionTranslator.translate(ex, this.realPath);
		}
	}

	private boolean write(Map<String, Object> properties, int version) {
		checkNotDeleted();
		ResolvedProperties resolved = resolve(properties);
		resolved.checkLinks();
		try {
			this.client.setData().withVersion(version).forPath(this.realPath, NodeProperties.encode(properties));
			this.properties = resolved;
			return true;
		}
		catch (KeeperException.BadVersionException raced) {
			return false;
		}
		catch (Exception ex) {
			throw ZkExceptionTranslator.translate(ex, this.realPath);
		}
	}

	private ResolvedProperties resolve(Map<String, Object> stored) {
		return ResolvedProperties.resolve(stored, this.path, new CuratorNodeReader(this.client));
	}

	private void checkNotDeleted() {
		if (this.deleted) {
			throw new ZkNoNodeException("The node of " + this.path + " was deleted", this.realPath, null);
		}
	}

	/**
	 * Stops watching; the view keeps its last properties.
	 */
	@Override
	public void close() {
		if (this.watch != null) {
			this.watch.close();
		}
	}

	@Override
	public String toString() {
		return "PropertiesView[" + this.path + " -> " + this.realPath + "] " + this.properties.stored();
	}

}
