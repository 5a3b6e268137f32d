package io.zkboot.coordination.recipe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * kazoo's {@code Party} and {@code ShallowParty}: the live members of a group, typically "which
 * workers are alive".
 *
 * <pre>{@code
 * ZkParty workers = recipes.party("/workers");   // this instance's identifier
 * workers.join();
 * List<String> alive = workers.members();
 * try (ZkSubscription s = workers.onChange(members -> log.info("workers: {}", members))) { ... }
 * }</pre>
 *
 * <p>Layouts, kazoo's: a member is an ephemeral node under the party path. For a {@code Party} it is
 * named {@code <uuid hex>__party__} and holds the member's identifier (UTF-8); children without
 * {@code __party__} in their name are not members. For a {@code ShallowParty} it is named
 * {@code <uuid hex>-<identifier>} (so the identifier must be a valid node name) and also holds the
 * identifier; its members are read from the names alone. Members are listed in node-name order.
 *
 * <p>Session loss: when the session is LOST the member node is gone with it; {@link #isParticipating()}
 * turns {@code false}, membership callbacks and events see the member leave, and the party is
 * not joined again unless {@link #join()} is called.
 */
public final class ZkParty {

	private static final Log logger = LogFactory.getLog(ZkParty.class);

	private static final String PARTY = "__party__";

	private final CuratorFramework client;

	private final String path;

	private final String identifier;

	private final boolean shallow;

	private final String nodePath;

	private final @Nullable ApplicationEventPublisher events;

	private final ConnectionStateListener sessionWatch;

	private volatile boolean participating;

	ZkParty(CuratorFramework client, String path, String identifier, boolean shallow,
			@Nullable ApplicationEventPublisher events) {
		this.client = client;
		this.path = Nodes.checkPath(path, "party");
		this.identifier = identifier;
		this.shallow = shallow;
		if (shallow && (identifier.isEmpty() || identifier.contains("/"))) {
			throw new IllegalArgumentException(
					"a shallow party's identifier is part of a node name and cannot be empty or hold '/': " + identifier);
		}
		this.nodePath = Nodes.child(path, shallow ? Nodes.uuidHex() + "-" + identifier : Nodes.uuidHex() + PARTY);
		this.events = events;
		this.sessionWatch = (c, state) -> {
			if (state == ConnectionState.LOST && this.participating) {
				this.participating = false;
				logger.warn("Session lost: no longer a member of party " + this.path + " (node " + this.nodePath
						+ " is gone); call join() to take part again");
			}
		};
	}

	/**
	 * The party's path.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * This member's identifier.
	 * @return the identifier
	 */
	public String identifier() {
		return this.identifier;
	}

	/**
	 * Whether this is kazoo's {@code ShallowParty} layout (identifier in the node name).
	 * @return {@code true} for a shallow party
	 */
	public boolean isShallow() {
		return this.shallow;
	}

	/**
	 * Joins the party (creates this member's ephemeral node); joining twice is harmless.
	 */
	public void join() {
		try {
			Nodes.ensurePath(this.client, this.path);
			this.client.getConnectionStateListenable().addListener(this.sessionWatch);
			try {
				this.client.create().withMode(CreateMode.EPHEMERAL).forPath(this.nodePath, Nodes.utf8(this.identifier));
			}
			catch (KeeperException.NodeExistsException ex) {
				// joined already
			}
			this.participating = true;
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	/**
	 * Leaves the party (deletes this member's node).
	 * @return whether this member's node was there
	 */
	public boolean leave() {
		this.participating = false;
		this.client.getConnectionStateListenable().removeListener(this.sessionWatch);
		try {
			this.client.delete().forPath(this.nodePath);
			return true;
		}
		catch (KeeperException.NoNodeException ex) {
			return false;
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.nodePath);
		}
	}

	/**
	 * Whether this instance is a member: it joined, has not left, and its session was not lost
	 * since.
	 * @return whether this instance takes part
	 */
	public boolean isParticipating() {
		return this.participating;
	}

	/**
	 * Reads the members' identifiers from ZooKeeper.
	 * @return the identifiers in node-name order (an identifier appears once per member using it)
	 */
	public List<String> members() {
		try {
			Nodes.ensurePath(this.client, this.path);
			Map<String, String> members = new TreeMap<>();
			for (String child : this.client.getChildren().forPath(this.path)) {
				if (this.shallow) {
					members.put(child, shallowIdentifier(child));
				}
				else if (child.contains(PARTY)) {
					try {
						members.put(child, Nodes.utf8(this.client.getData().forPath(Nodes.child(this.path, child))));
					}
					catch (KeeperException.NoNodeException ex) {
						// left meanwhile
					}
				}
			}
			return List.copyOf(members.values());
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	/**
	 * Counts the members.
	 * @return how many members the party has
	 */
	public int size() {
		return members().size();
	}

	/**
	 * Calls the listener with the members now and on every change of membership, in order, on a
	 * thread of its own.
	 * @param listener called with the identifiers in node-name order
	 * @return the subscription; close it to stop the calls
	 */
	public ZkSubscription onChange(Consumer<List<String>> listener) {
		ExecutorService calls = Executors
			.newSingleThreadExecutor(new CustomizableThreadFactory("zk-party-"));
		AtomicReference<List<String>> last = new AtomicReference<>();
		CuratorCache cache = CuratorCache.build(this.client, this.path);
		Runnable changed = () -> {
			List<String> members = cachedMembers(cache);
			if (!members.equals(last.getAndSet(members))) {
				calls.execute(() -> listener.accept(members));
			}
		};
		cache.listenable()
			.addListener(CuratorCacheListener.builder()
				.forAll((type, old, node) -> changed.run())
				.forInitialized(changed)
				.afterInitialized()
				.build());
		try {
			Nodes.ensurePath(this.client, this.path);
		}
		catch (Exception ex) {
			calls.shutdownNow();
			throw Nodes.translate(ex, this.path);
		}
		cache.start();
		return () -> {
			cache.close();
			calls.shutdown();
		};
	}

	/**
	 * Publishes a {@link ZkPartyChangedEvent} with the members now and on every change of
	 * membership.
	 * @return the subscription; close it to stop the events
	 * @throws IllegalStateException when the party was not made by a {@link ZkRecipes} that
	 * publishes events
	 */
	public ZkSubscription publishEvents() {
		if (this.events == null) {
			throw new IllegalStateException("party " + this.path + " has no event publisher: make it with the "
					+ "application's ZkRecipes bean");
		}
		return onChange((members) -> this.events
			.publishEvent(new ZkPartyChangedEvent(this, this.path, members, this.participating)));
	}

	private List<String> cachedMembers(CuratorCache cache) {
		List<ChildData> children = new ArrayList<>();
		cache.stream().filter((node) -> ZKPaths.getPathAndNode(node.getPath()).getPath().equals(this.path)
				&& !node.getPath().equals(this.path)).forEach(children::add);
		children.sort((a, b) -> a.getPath().compareTo(b.getPath()));
		List<String> members = new ArrayList<>();
		for (ChildData node : children) {
			String name = ZKPaths.getNodeFromPath(node.getPath());
			if (this.shallow) {
				members.add(shallowIdentifier(name));
			}
			else if (name.contains(PARTY)) {
				members.add((node.getData() != null) ? Nodes.utf8(node.getData()) : "");
			}
		}
		return Collections.unmodifiableList(members);
	}

	private static String shallowIdentifier(String name) {
		return name.substring(name.indexOf('-') + 1);
	}

}
