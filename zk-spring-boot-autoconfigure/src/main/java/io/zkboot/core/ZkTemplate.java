package io.zkboot.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.observation.ObservationRegistry;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.framework.imps.DefaultACLProvider;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

/**
 * The high-level ZooKeeper API of the starter: the JdbcTemplate of ZooKeeper, doing in Java what
 * kazoo's {@code KazooClient}, pykeeper and zc.zk do in Python. It works on a started Curator client
 * (and within its namespace) and is thread-safe.
 *
 * <ul>
 * <li>create (with data, ephemeral, sequential, making missing parents), {@link #ensurePath},
 * {@link #createTree} for many nodes at once;</li>
 * <li>read: {@link #get}, {@link #getChildren}, {@link #getChildrenWithData}, {@link #exists},
 * {@link #stat}, {@link #isEphemeral}, {@link #readTree}, {@link #walk};</li>
 * <li>update and delete with optional expected versions, {@link #deleteRecursive} that spares
 * ephemeral nodes;</li>
 * <li>{@link #transaction()}, {@link #retry}, {@link #cache} for cached reads, and server
 * information ({@link #serverVersion()}, {@link #command}).</li>
 * </ul>
 *
 * <p>Every failure is an unchecked {@link ZkException} (see {@link ZkExceptionTranslator}); an
 * invalid path is rejected with a {@link ZkInvalidPathException} before any call goes out. Bulk work
 * (tree creation, tree reads, walks, recursive deletes, children with data) is pipelined: asynchronous
 * calls with at most {@value #DEFAULT_WINDOW} in flight, not one round trip at a time.
 *
 * <pre>{@code
 * ZkTemplate zk = new ZkTemplate(curator);
 * zk.ensurePath("/my/favorite");
 * zk.create("/my/favorite/node", "a value".getBytes());
 * ZkNode node = zk.get("/my/favorite/node");
 * zk.set("/my/favorite/node", "new".getBytes(), node.stat().getVersion());
 * zk.deleteRecursive("/my");
 * }</pre>
 */
public class ZkTemplate {

	/** How many asynchronous calls a bulk operation keeps in flight at most. */
	public static final int DEFAULT_WINDOW = 1000;

	private static final byte[] NO_DATA = new byte[0];

	private final CuratorFramework client;

	private final RawZooKeeper raw;

	private final TreeReader reader;

	private final TreeCreator creator;

	private final RecursiveDeleter deleter;

	private final ZkServerInfo serverInfo;

	private final ZkObservations observations;

	/**
	 * Creates a template whose new nodes get the open ACL ({@code world:anyone} may do anything),
	 * as Curator's default ACL provider gives.
	 * @param client a Curator client; the template does not start or close it
	 */
	public ZkTemplate(CuratorFramework client) {
		this(client, new DefaultACLProvider());
	}

	/**
	 * Creates a template whose new nodes get their ACL from a provider (pass the one the Curator
	 * client was built with, so that all nodes get the same ACLs). The provider is asked with the
	 * server path (namespace included), as Curator asks it.
	 * @param client a Curator client; the template does not start or close it
	 * @param aclProvider the ACL for each new node
	 */
	public ZkTemplate(CuratorFramework client, ACLProvider aclProvider) {
		this(client, aclProvider, ObservationRegistry.NOOP);
	}

	/**
	 * Creates a template whose operations are observed (timed and traced) as
	 * {@value ZkObservations#NAME}.
	 * @param client a Curator client; the template does not start or close it
	 * @param aclProvider the ACL for each new node
	 * @param observationRegistry where observations go
	 */
	public ZkTemplate(CuratorFramework client, ACLProvider aclProvider, ObservationRegistry observationRegistry) {
		this.client = client;
		this.observations = new ZkObservations(observationRegistry);
		this.raw = new RawZooKeeper(client, aclProvider);
		this.reader = new TreeReader(this.raw, DEFAULT_WINDOW);
		this.creator = new TreeCreator(this.raw, DEFAULT_WINDOW);
		this.deleter = new RecursiveDeleter(this.raw, this.reader, DEFAULT_WINDOW);
		this.serverInfo = new ZkServerInfo(client,
				Duration.ofMillis(client.getZookeeperClient().getConnectionTimeoutMs()));
	}

	/**
	 * Sets the convention that names the observations of the template's operations and their
	 * key values, in place of {@link DefaultZkObservationConvention}.
	 * @param convention the convention, or {@code null} for the default one
	 */
	public void setObservationConvention(@Nullable ZkObservationConvention convention) {
		this.observations.setConvention(convention);
	}

	/**
	 * Returns the Curator client, for what the template does not cover.
	 * @return the client
	 */
	public CuratorFramework getClient() {
		return this.client;
	}

	// ---- create

	/**
	 * Creates a persistent node whose parent exists.
	 * @param path the node's path
	 * @param data the node's data ({@code null} for none)
	 * @return the created path
	 * @throws ZkNodeExistsException when the node exists
	 * @throws ZkNoNodeException when the parent does not exist
	 */
	public String create(String path, byte @Nullable [] data) {
		return create(path, data, CreateOptions.persistent());
	}

	/**
	 * Creates a node.
	 * @param path the node's path (for a sequential node, the prefix to which the server appends a
	 * counter)
	 * @param data the node's data ({@code null} for none)
	 * @param options ephemeral, sequential, make missing parents, ACL
	 * @return the created path (for a sequential node, with the server's counter)
	 * @throws ZkNodeExistsException when the node exists
	 * @throws ZkNoNodeException when the parent does not exist and parents are not made
	 */
	public String create(String path, byte @Nullable [] data, CreateOptions options) {
		return this.observations.observe("create", path, () -> {
			ZkPath.validate(path, options.sequential());
			try {
				return createNode(path, data, options);
			}
			catch (ZkNoNodeException ex) {
				if (!options.makeParents() || ZkPath.ROOT.equals(path)) {
					throw ex;
				}
				ensurePath(ZkPath.parent(path));
				return createNode(path, data, options);
			}
		});
	}

	/**
	 * Makes sure a node and all its ancestors exist, creating the missing ones (empty and
	 * persistent), as kazoo's {@code ensure_path}. The creations are pipelined.
	 * @param path the path
	 */
	public void ensurePath(String path) {
		this.observations.observe("ensure_path", path, () -> {
			ZkPath.validate(path);
			if (!ZkPath.ROOT.equals(path) && !exists(path)) {
				this.creator.create(Map.of(path, NO_DATA), Set.of(path));
			}
			return null;
		});
	}

	/**
	 * Creates many persistent nodes with pipelined calls, parents before children, making missing
	 * ancestors (empty) on the way: the bulk form of pykeeper's {@code create_recursive}. Not atomic:
	 * after a failure, the nodes created before it stay.
	 * @param nodes each node's path and data ({@code null} for none)
	 * @return the paths created, including ancestors that were missing, sorted (so parents come
	 * before their children)
	 * @throws ZkNodeExistsException when a node of {@code nodes} exists (existing ancestors are
	 * fine)
	 */
	public List<String> createTree(Map<String, byte @Nullable []> nodes) {
		return this.observations.observe("create_tree", null, () -> {
			return this.creator.create(nodes, Set.of());
		});
	}

	// ---- read

	/**
	 * Reads a node's data and {@code Stat}, as kazoo's {@code get}.
	 * @param path the node's path
	 * @return the node
	 * @throws ZkNoNodeException when the node does not exist
	 */
	public ZkNode get(String path) {
		return this.observations.observe("get", path, () -> {
			ZkPath.validate(path);
			Stat stat = new Stat();
			byte[] data = call(path, () -> this.client.getData().storingStatIn(stat).forPath(path));
			return new ZkNode(path, data, stat);
		});
	}

	/**
	 * Lists a node's children.
	 * @param path the node's path
	 * @return the children's names, sorted
	 * @throws ZkNoNodeException when the node does not exist
	 */
	public List<String> getChildren(String path) {
		return this.observations.observe("get_children", path, () -> {
			ZkPath.validate(path);
			List<String> names = new ArrayList<>(call(path, () -> this.client.getChildren().forPath(path)));
			names.sort(null);
			return names;
		});
	}

	/**
	 * Reads a node's children with each child's data and {@code Stat} in one pipelined call (kazoo's
	 * {@code get_children(include_data=True)}).
	 * @param path the node's path
	 * @return the children, sorted by name; children deleted meanwhile are left out
	 * @throws ZkNoNodeException when the node does not exist
	 */
	public List<ZkNode> getChildrenWithData(String path) {
		return this.observations.observe("get_children_with_data", path, () -> {
			List<ZkNode> nodes = readExisting(path, 1);
			return nodes.subList(1, nodes.size());
		});
	}

	/**
	 * Tells whether a node exists.
	 * @param path the node's path
	 * @return whether it exists
	 */
	public boolean exists(String path) {
		return stat(path).isPresent();
	}

	/**
	 * Reads a node's {@code Stat}, as kazoo's {@code exists}.
	 * @param path the node's path
	 * @return the {@code Stat}, or empty when the node does not exist
	 */
	public Optional<Stat> stat(String path) {
		return this.observations.observe("stat", path, () -> {
			ZkPath.validate(path);
			return Optional.ofNullable(call(path, () -> this.client.checkExists().forPath(path)));
		});
	}

	/**
	 * Tells whether a node is ephemeral.
	 * @param path the node's path
	 * @return whether it is ephemeral
	 * @throws ZkNoNodeException when the node does not exist
	 */
	public boolean isEphemeral(String path) {
		Stat stat = stat(path)
			.orElseThrow(() -> ZkExceptionTranslator.translate(KeeperException.Code.NONODE, path, null));
		return stat.getEphemeralOwner() != 0;
	}

	/**
	 * Reads a whole subtree with pipelined calls: every node's path, data and {@code Stat}, depth-first
	 * with siblings sorted by name (the order of zc.zk's walk and export). Nodes deleted meanwhile are
	 * left out.
	 * @param path the top of the subtree
	 * @param includeEphemeral whether ephemeral nodes are included (when false, every ephemeral node is
	 * left out, as zc.zk's export does)
	 * @return the nodes, the top first
	 * @throws ZkNoNodeException when the top does not exist
	 */
	public List<ZkNode> readTree(String path, boolean includeEphemeral) {
		return readTree(path, includeEphemeral, Integer.MAX_VALUE);
	}

	/**
	 * Reads a subtree down to a depth, as {@link #readTree(String, boolean)} reads all of it: the
	 * nodes below {@code maxDepth} are not read at all.
	 * @param path the top of the subtree
	 * @param includeEphemeral whether ephemeral nodes are included
	 * @param maxDepth how deep to read: 0 for the top alone, 1 with its children, and so on
	 * @return the nodes, the top first
	 * @throws ZkNoNodeException when the top does not exist
	 */
	public List<ZkNode> readTree(String path, boolean includeEphemeral, int maxDepth) {
		return this.observations.observe("read_tree", path, () -> {
			List<ZkNode> nodes = readExisting(path, maxDepth);
			return includeEphemeral ? nodes : nodes.stream().filter((node) -> !node.isEphemeral()).toList();
		});
	}

	/**
	 * Lists the paths of a subtree depth-first with siblings sorted, the top first (zc.zk's
	 * {@code walk}). Read with pipelined calls.
	 * @param path the top of the subtree
	 * @return the paths; empty when the top does not exist
	 */
	public List<String> walk(String path) {
		return walk(path, true);
	}

	/**
	 * Lists the paths of a subtree depth-first with siblings sorted, the top first, optionally
	 * leaving out ephemeral nodes. Unlike zc.zk (whose {@code ephemeral=False} only looks at the top
	 * node), every ephemeral node is left out.
	 * @param path the top of the subtree
	 * @param includeEphemeral whether ephemeral nodes are listed
	 * @return the paths; empty when the top does not exist
	 */
	public List<String> walk(String path, boolean includeEphemeral) {
		return this.observations.observe("walk", path, () -> {
			ZkPath.validate(path);
			return this.reader.read(path, Integer.MAX_VALUE)
				.stream()
				.filter((node) -> includeEphemeral || !node.isEphemeral())
				.map(ZkNode::path)
				.toList();
		});
	}

	// ---- update

	/**
	 * Sets a node's data whatever its version.
	 * @param path the node's path
	 * @param data the new data ({@code null} for none)
	 * @return the node's new {@code Stat}
	 * @throws ZkNoNodeException when the node does not exist
	 */
	public Stat set(String path, byte @Nullable [] data) {
		return set(path, data, -1);
	}

	/**
	 * Sets a node's data if it is at the expected version.
	 * @param path the node's path
	 * @param data the new data ({@code null} for none)
	 * @param expectedVersion the version the node must be at, or -1 for any
	 * @return the node's new {@code Stat}
	 * @throws ZkBadVersionException when the node is at another version (nothing changed)
	 * @throws ZkNoNodeException when the node does not exist
	 */
	public Stat set(String path, byte @Nullable [] data, int expectedVersion) {
		return this.observations.observe("set", path, () -> {
			ZkPath.validate(path);
			byte[] bytes = (data != null) ? data : NO_DATA;
			return call(path, () -> this.client.setData().withVersion(expectedVersion).forPath(path, bytes));
		});
	}

	// ---- delete

	/**
	 * Deletes a node that has no children, whatever its version.
	 * @param path the node's path
	 * @throws ZkNoNodeException when the node does not exist
	 * @throws ZkNotEmptyException when it has children
	 */
	public void delete(String path) {
		delete(path, -1);
	}

	/**
	 * Deletes a node that has no children if it is at the expected version.
	 * @param path the node's path
	 * @param expectedVersion the version the node must be at, or -1 for any
	 * @throws ZkBadVersionException when the node is at another version (nothing changed)
	 * @throws ZkNoNodeException when the node does not exist
	 * @throws ZkNotEmptyException when it has children
	 */
	public void delete(String path, int expectedVersion) {
		this.observations.observe("delete", path, () -> {
			ZkPath.validate(path);
			call(path, () -> this.client.delete().withVersion(expectedVersion).forPath(path));
			return null;
		});
	}

	/**
	 * Deletes a node and everything below it, sparing ephemeral nodes and the nodes that hold them
	 * (zc.zk's {@code delete_recursive} with its defaults).
	 * @param path the top of the subtree
	 * @return what was deleted and spared, with zc.zk's messages
	 * @throws ZkNoNodeException when the node does not exist
	 */
	public DeleteReport deleteRecursive(String path) {
		return deleteRecursive(path, DeleteOptions.defaults());
	}

	/**
	 * Deletes a node and everything below it (zc.zk's {@code delete_recursive}): a pipelined read of
	 * the subtree, then pipelined deletes, children before parents. Ephemeral nodes, and the nodes
	 * that hold them, are spared unless forced; a dry run changes nothing and reports what would be
	 * deleted.
	 * @param path the top of the subtree (not the root)
	 * @param options dry run, force, ignore an ephemeral top node
	 * @return what was (or would be) deleted and spared, with zc.zk's messages
	 * @throws ZkNoNodeException when the node does not exist
	 * @throws ZkInvalidPathException for the root
	 */
	public DeleteReport deleteRecursive(String path, DeleteOptions options) {
		return this.observations.observe("delete_recursive", path, () -> {
			return this.deleter.delete(path, options);
		});
	}

	// ---- transactions, retry, cache, server

	/**
	 * Starts a transaction: operations queued, then committed atomically.
	 * @return a new, empty transaction
	 */
	public ZkTransaction transaction() {
		return new ZkTransaction(this.raw, this.observations);
	}

	/**
	 * Runs a function of several calls again on a retryable failure, as kazoo's {@code retry}, under
	 * the client's own retry policy ({@link ZkRetry#of(CuratorFramework)}: {@code zk.retry.*} or the
	 * application's {@code RetryPolicy} bean). The calls inside are not retried on their own as well
	 * when the client was built with {@link ZkRetry#forClient} (the starter's client is), so the
	 * function runs at most as often as the policy allows. Use a {@link ZkRetry} for another policy.
	 * @param <T> the function's result
	 * @param function the function
	 * @return its result
	 */
	public <T extends @Nullable Object> T retry(ZkCallable<T> function) {
		return ZkRetry.of(this.client).call(function);
	}

	/**
	 * Starts a cache of a subtree for reads from memory, kept current by watches (pykeeper's cached
	 * reads), and waits until it is filled (up to the client's connection timeout). Close it when
	 * done.
	 * @param path the top of the subtree
	 * @return the started cache
	 */
	public ZkCache cache(String path) {
		return ZkCache.start(this.client, path,
				Duration.ofMillis(this.client.getZookeeperClient().getConnectionTimeoutMs()));
	}

	/**
	 * Returns the version of the server the client is connected to (kazoo's
	 * {@code server_version}), from the {@code srvr} four-letter word.
	 * @return the version
	 */
	public ZkServerVersion serverVersion() {
		return this.serverInfo.serverVersion();
	}

	/**
	 * Sends a four-letter-word command to the server the client is connected to (kazoo's
	 * {@code command}); the server answers only the words it allows.
	 * @param fourLetterWord the command, such as {@code srvr}, {@code ruok} or {@code mntr}
	 * @return the server's answer
	 */
	public String command(String fourLetterWord) {
		return this.serverInfo.command(fourLetterWord);
	}

	// ---- internals

	private String createNode(String path, byte @Nullable [] data, CreateOptions options) {
		byte[] bytes = (data != null) ? data : NO_DATA;
		return call(path, () -> this.client.create()
			.withMode(options.mode())
			.withACL(this.raw.aclFor(this.raw.toServer(path), options.acl()))
			.forPath(path, bytes));
	}

	private List<ZkNode> readExisting(String path, int depth) {
		ZkPath.validate(path);
		List<ZkNode> nodes = this.reader.read(path, depth);
		if (nodes.isEmpty()) {
			throw ZkExceptionTranslator.translate(KeeperException.Code.NONODE, path, null);
		}
		return nodes;
	}

	private static <T> T call(String path, ZkCallable<T> call) {
		try {
			return call.call();
		}
		catch (Exception ex) {
			throw ZkExceptionTranslator.translate(ex, path);
		}
	}

}
