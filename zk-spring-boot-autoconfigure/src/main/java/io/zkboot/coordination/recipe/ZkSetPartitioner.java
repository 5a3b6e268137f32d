package io.zkboot.coordination.recipe;

import io.zkboot.coordination.ZkLock;
import io.zkboot.coordination.ZkLocks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.zkboot.core.internal.CodePointOrder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.Watcher;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * kazoo's {@code SetPartitioner}: a set of items divided among the live members of a party, each
 * item owned by one member at a time, re-divided when members come and go. The "each instance works
 * on its part" pattern.
 *
 * <pre>{@code
 * ZkSetPartitioner shards = recipes.partitioner("/shards", List.of("a", "b", "c", "d"))
 *     .timeBoundary(Duration.ofSeconds(5))
 *     .start();
 * shards.onChange(change -> worker.workOn(change.getShare()));   // or @EventListener ZkPartitionChangedEvent
 * }</pre>
 *
 * <p>Layout and protocol, kazoo's: the members form a {@code ShallowParty} at {@code <path>/party}
 * (ephemeral nodes {@code <uuid hex>-<identifier>}); each item is guarded by kazoo's lock at
 * {@code <path>/locks/<item>} (contenders {@code <uuid hex>__lock__<sequence>} with empty data, as
 * kazoo's partitioner writes them). Once the party has not changed for the time boundary (kazoo's
 * {@code time_boundary}, default 30 s), each member sorts the items and the members' identifiers
 * (by code point, as Python sorts) and takes every n-th item starting at its own position, locking
 * each (tries of at most the maximum reaction time, default 1 s, so that a party change during
 * allocation restarts it). States, kazoo's: {@link State#ALLOCATING} → {@link State#ACQUIRED} when
 * all its items are locked; {@link State#RELEASE} when the party changes or the connection is
 * suspended; {@link State#FAILURE} when the session is lost or the partitioner is closed, after
 * which it is unusable.
 *
 * <p>Where kazoo leaves {@code release_set()} to its caller, this class releases by itself: on a
 * change to {@link State#RELEASE} it first tells its listeners (the share becomes empty; listeners
 * run on the partitioner's thread, so when they return the old share is no longer worked on), then
 * releases the locks (after the connection is back) and allocates again. Listeners and
 * {@link ZkPartitionChangedEvent}s see every change of this instance's share.
 */
public final class ZkSetPartitioner implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(ZkSetPartitioner.class);

	private final CuratorFramework client;

	private final String path;

	private final List<String> items;

	private final String identifier;

	private final @Nullable ApplicationEventPublisher events;

	private final String partyPath;

	private final String lockPath;

	private final ZkParty party;

	private final List<Consumer<ZkPartitionChangedEvent>> listeners = new CopyOnWriteArrayList<>();

	private final ExecutorService worker;

	private final CountDownLatch closing = new CountDownLatch(1);

	private final ConnectionStateListener sessionWatch = this::connectionChanged;

	/** The locks held; touched on the worker thread only. */
	private final ZkLocks zkLocks;

	/** The item locks held, taken and given back on the worker thread. */
	private final List<ZkLock> locks = new ArrayList<>();

	private Duration timeBoundary = Duration.ofSeconds(30);

	private Duration maxReactionTime = Duration.ofSeconds(1);

	private volatile State state = State.ALLOCATING;

	private volatile List<String> share = List.of();

	/** Counts state changes (kazoo's {@code state_id}); guarded by this. */
	private int generation;

	/** The party round whose change makes a held share RELEASE; guarded by this. */
	private @Nullable Round round;

	private long sessionId;

	private boolean started;

	ZkSetPartitioner(ZkLocks zkLocks, String path, Collection<String> items, String identifier,
			@Nullable ApplicationEventPublisher events) {
		this.client = zkLocks.client();
		this.zkLocks = zkLocks;
		this.path = Nodes.checkPath(path, "set partitioner");
		List<String> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(items));
		sorted.sort(CodePointOrder.NAMES);
		for (String item : sorted) {
			if (item.isEmpty() || item.contains("/")) {
				throw new IllegalArgumentException("set partitioner " + path
						+ ": an item names a lock node and cannot be empty or hold '/': '" + item + "'");
			}
		}
		this.items = List.copyOf(sorted);
		this.identifier = identifier;
		this.events = events;
		this.partyPath = Nodes.child(path, "party");
		this.lockPath = Nodes.child(path, "locks");
		this.party = new ZkParty(this.client, this.partyPath, identifier, true, null);
		this.worker = Executors.newSingleThreadExecutor(new CustomizableThreadFactory("zk-partitioner-"));
	}

	/**
	 * Sets how long the party must be stable before the set is divided (kazoo's
	 * {@code time_boundary}); call before {@link #start()}.
	 * @param timeBoundary the stability window, default 30 s
	 * @return this partitioner
	 */
	public synchronized ZkSetPartitioner timeBoundary(Duration timeBoundary) {
		checkNotStarted();
		this.timeBoundary = timeBoundary;
		return this;
	}

	/**
	 * Sets how long one try to lock an item lasts before a party change is looked for (kazoo's
	 * {@code max_reaction_time}); call before {@link #start()}.
	 * @param maxReactionTime the try's bound, default 1 s
	 * @return this partitioner
	 */
	public synchronized ZkSetPartitioner maxReactionTime(Duration maxReactionTime) {
		checkNotStarted();
		this.maxReactionTime = maxReactionTime;
		return this;
	}

	/**
	 * Joins the party and begins allocating.
	 * @return this partitioner
	 */
	public synchronized ZkSetPartitioner start() {
		checkNotStarted();
		try {
			Nodes.ensurePath(this.client, this.path);
			Nodes.ensurePath(this.client, this.lockPath);
			Nodes.ensurePath(this.client, this.partyPath);
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
		this.client.getConnectionStateListenable().addListener(this.sessionWatch);
		this.party.join();
		this.sessionId = currentSession();
		this.started = true;
		submit(this::allocate);
		return this;
	}

	/**
	 * The partitioner's path.
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
	 * The items to divide, in the order they are divided.
	 * @return the items sorted by code point
	 */
	public List<String> items() {
		return this.items;
	}

	/**
	 * The current state.
	 * @return the state
	 */
	public State state() {
		return this.state;
	}

	/**
	 * This instance's share: the items it holds the locks of.
	 * @return the items, in sorted order; empty unless {@link State#ACQUIRED}
	 */
	public List<String> share() {
		return this.share;
	}

	/**
	 * Waits until the set is divided and this instance's share is locked.
	 * @param timeout how long to wait at most
	 * @return {@code true} when {@link State#ACQUIRED}, {@code false} on timeout or failure
	 * @throws InterruptedException when the thread is interrupted while waiting
	 */
	public synchronized boolean awaitAcquired(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.state != State.ACQUIRED && this.state != State.FAILURE) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			TimeUnit.NANOSECONDS.timedWait(this, left);
		}
		return this.state == State.ACQUIRED;
	}

	/**
	 * Calls the listener on every change of this instance's share, on the partitioner's thread.
	 * @param listener what to call
	 * @return the subscription; close it to stop the calls
	 */
	public ZkSubscription onChange(Consumer<ZkPartitionChangedEvent> listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	/**
	 * Releases the share, leaves the party and stops (kazoo's {@code finish()}); the state becomes
	 * {@link State#FAILURE}, as kazoo's does.
	 */
	@Override
	public void close() {
		synchronized (this) {
			if (this.started && this.state != State.FAILURE) {
				setState(State.FAILURE);
				submit(this::failOut);
			}
		}
		this.closing.countDown();
		this.worker.shutdown();
		try {
			if (!this.worker.awaitTermination(this.maxReactionTime.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
				logger.warn("Set partitioner " + this.path + " did not stop in time");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Divides the set once the party is stable and locks this instance's share; on the worker. */
	private void allocate() {
		int generation;
		synchronized (this) {
			if (this.state != State.ALLOCATING) {
				return;
			}
			generation = this.generation;
		}
		try {
			Round round;
			List<String> children;
			do {
				round = new Round();
				children = this.client.getChildren().usingWatcher(round).forPath(this.partyPath);
				if (this.closing.await(this.timeBoundary.toMillis(), TimeUnit.MILLISECONDS) || moved(generation)) {
					return;
				}
			}
			while (round.changed);
			synchronized (this) {
				this.round = round;
			}
			List<String> members = new ArrayList<>();
			for (String child : children) {
				members.add(child.substring(child.indexOf('-') + 1));
			}
			members.sort(CodePointOrder.NAMES);
			int position = members.indexOf(this.identifier);
			if (position < 0) {
				logger.warn("Set partitioner " + this.path + ": this member (" + this.identifier
						+ ") is no longer in the party");
				fail();
				return;
			}
			List<String> partition = new ArrayList<>();
			for (int i = position; i < this.items.size(); i += members.size()) {
				partition.add(this.items.get(i));
			}
			for (String item : partition) {
				// kazoo's partitioner locks store no identifier
				ZkLock lock = this.zkLocks.lock(Nodes.child(this.lockPath, item), "");
				while (!lock.tryLock(this.maxReactionTime.toNanos(), TimeUnit.NANOSECONDS)) {
					if (abortNeeded(round, generation)) {
						return;
					}
				}
				this.locks.add(lock);
				if (abortNeeded(round, generation)) {
					return;
				}
			}
			List<String> previous;
			synchronized (this) {
				if (this.generation != generation || round.changed) {
					abortNeeded(round, generation);
					return;
				}
				previous = this.share;
				this.share = List.copyOf(partition);
				setState(State.ACQUIRED);
			}
			tell(previous);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			if (this.state != State.FAILURE) {
				logger.warn("Set partitioner " + this.path + " failed while allocating: " + ex);
				fail();
			}
		}
	}

	/**
	 * kazoo's {@code abort_if_needed}: whether this allocation must stop; restarts it when the party
	 * changed meanwhile.
	 */
	private boolean abortNeeded(Round round, int generation) throws Exception {
		synchronized (this) {
			if (this.generation != generation) {
				return true;
			}
			if (!round.changed) {
				return false;
			}
		}
		releaseLocks();
		submit(this::allocate);
		return true;
	}

	/** Tells the listeners, then releases the locks and allocates again; on the worker. */
	private void release() {
		List<String> previous;
		synchronized (this) {
			if (this.state != State.RELEASE) {
				return;
			}
			previous = this.share;
			this.share = List.of();
		}
		tell(previous);
		try {
			while (!this.client.blockUntilConnected(100, TimeUnit.MILLISECONDS)) {
				if (this.state == State.FAILURE) {
					return;
				}
			}
			if (currentSession() != this.sessionId) {
				fail();
				return;
			}
			releaseLocks();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (Exception ex) {
			logger.warn("Set partitioner " + this.path + " could not release its locks: " + ex);
			fail();
			return;
		}
		synchronized (this) {
			if (this.state != State.RELEASE) {
				return;
			}
			setState(State.ALLOCATING);
		}
		allocate();
	}

	private void fail() {
		synchronized (this) {
			setState(State.FAILURE);
		}
		failOut();
	}

	/** kazoo's {@code _fail_out}: the share is gone, the party left; on the worker. */
	private void failOut() {
		List<String> previous = this.share;
		this.share = List.of();
		this.client.getConnectionStateListenable().removeListener(this.sessionWatch);
		try {
			releaseLocks();
		}
		catch (Exception ex) {
			// the locks are ephemeral and go with the session
		}
		try {
			this.party.leave();
		}
		catch (RuntimeException ex) {
			// the party node is ephemeral and goes with the session
		}
		tell(previous);
		this.closing.countDown();
		this.worker.shutdown();
	}

	private void releaseLocks() throws Exception {
		for (ZkLock lock : new ArrayList<>(this.locks)) {
			lock.unlock();
			this.locks.remove(lock);
		}
	}

	private void connectionChanged(CuratorFramework client, ConnectionState newState) {
		synchronized (this) {
			if (this.state == State.FAILURE) {
				return;
			}
			if (newState == ConnectionState.LOST) {
				logger.warn("Set partitioner " + this.path + ": session lost, its share " + this.share
						+ " is gone; the partitioner fails, as kazoo's does");
				setState(State.FAILURE);
				this.closing.countDown();
				submit(this::failOut);
			}
			else if (newState == ConnectionState.SUSPENDED && this.state != State.RELEASE) {
				setState(State.RELEASE);
				submit(this::release);
			}
		}
	}

	/** Called when the stable round's party changes later: a held share must be released. */
	private void partyChanged(Round round) {
		synchronized (this) {
			round.changed = true;
			if (this.round == round && this.state == State.ACQUIRED) {
				setState(State.RELEASE);
				submit(this::release);
			}
		}
	}

	private void submit(Runnable task) {
		try {
			this.worker.execute(task);
		}
		catch (RejectedExecutionException ex) {
			// closed or failed meanwhile: nothing more to do
		}
	}

	private boolean moved(int generation) {
		synchronized (this) {
			return this.generation != generation;
		}
	}

	/** Changes the state; guarded by this. */
	private void setState(State next) {
		this.state = next;
		this.generation++;
		notifyAll();
	}

	private void tell(List<String> previous) {
		List<String> now = this.share;
		if (now.equals(previous)) {
			return;
		}
		ZkPartitionChangedEvent event = new ZkPartitionChangedEvent(this, this.path, this.identifier, this.state,
				now, previous);
		for (Consumer<ZkPartitionChangedEvent> listener : this.listeners) {
			try {
				listener.accept(event);
			}
			catch (RuntimeException ex) {
				logger.warn("A listener of set partitioner " + this.path + " failed", ex);
			}
		}
		if (this.events != null) {
			this.events.publishEvent(event);
		}
	}

	private long currentSession() {
		try {
			return this.client.getZookeeperClient().getZooKeeper().getSessionId();
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	private void checkNotStarted() {
		if (this.started) {
			throw new IllegalStateException("set partitioner " + this.path + " is started already");
		}
	}

	/** One look at the party's members; its watch tells when they change. */
	private final class Round implements Watcher {

		volatile boolean changed;

		@Override
		public void process(org.apache.zookeeper.WatchedEvent event) {
			if (event.getType() == org.apache.zookeeper.Watcher.Event.EventType.NodeChildrenChanged) {
				partyChanged(this);
			}
		}

	}

	/** kazoo's partition states. */
	public enum State {

		/** The set is being divided and this instance's share locked. */
		ALLOCATING,

		/** This instance holds the locks of its share. */
		ACQUIRED,

		/** The party changed or the connection was suspended: the share is being released. */
		RELEASE,

		/** The session was lost or the partitioner closed; it is unusable. */
		FAILURE

	}

}
