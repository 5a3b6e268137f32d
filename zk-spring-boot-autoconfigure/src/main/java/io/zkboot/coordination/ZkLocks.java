package io.zkboot.coordination;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.zkboot.core.ZkExceptionTranslator;
import io.zkboot.core.ZkPath;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * Locks, read/write locks and semaphores on kazoo's node layouts, so a Python process using
 * kazoo and this application take part in the same lock. The application's bean; one per
 * client.
 *
 * <pre>{@code
 * Lock lock = locks.lock("/locks/invoices");
 * lock.lock();
 * try {
 *     // only one thread in the whole cluster is here
 * }
 * finally {
 *     lock.unlock();
 * }
 *
 * String report = locks.withLock("/locks/report", Duration.ofSeconds(5), this::buildReport);
 * }</pre>
 *
 * <p>The same path gives the same {@link ZkLock} object while it is in use, so a thread that
 * holds it can lock it again (it is reentrant). Each thread that locks creates its own contender
 * node, as Curator's {@code InterProcessMutex} does: threads of one process exclude each other
 * the same way processes do.
 *
 * <p>One connection listener serves every hold: on SUSPENDED what is held is
 * {@link ZkLockState#IN_DOUBT}, when the same session comes back it is {@link ZkLockState#HELD}
 * again, on LOST it is {@link ZkLockState#LOST}: listeners are told, a {@link ZkLockLostEvent} is
 * published, and the holding thread is interrupted when so configured. Nothing is re-acquired
 * on a holder's behalf.
 */
public class ZkLocks implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(ZkLocks.class);

	/** The observation around acquiring, and so the lock-wait timer's name. */
	public static final String ACQUIRE_OBSERVATION = "zk.lock.acquire";

	/** The observation from acquiring to releasing, and so the lock-hold timer's name. */
	public static final String HOLD_OBSERVATION = "zk.lock.hold";

	/**
	 * How old a hold is before its node is watched for deletion by someone else: short holds
	 * (most locks) cost no fourth request, and a deletion is noticed at most about twice this
	 * late (one sweep looks at every hold).
	 */
	private static final long NODE_WATCH_DELAY_MILLIS = 100;

	private final CuratorFramework client;

	private final String identifier;

	private final Consumer<Object> publisher;

	private final ObservationRegistry observations;

	private final boolean interruptOnLost;

	private final Set<Hold> holds = ConcurrentHashMap.newKeySet();

	private final Set<Wakeup> waiting = ConcurrentHashMap.newKeySet();

	private final ConcurrentReferenceHashMap<String, Object> instances = new ConcurrentReferenceHashMap<>(16,
			ConcurrentReferenceHashMap.ReferenceType.WEAK);

	/** The ACL of each lock path, which contender nodes get; soft references. */
	private final ConcurrentReferenceHashMap<String, List<ACL>> acls = new ConcurrentReferenceHashMap<>();

	private final ScheduledExecutorService executor;

	private final ConnectionStateListener connectionListener = this::connectionChanged;

	/**
	 * Locks on a client.
	 * @param client the started client
	 * @param identifier what this process stores in its contender nodes (kazoo's identifier)
	 * @param publisher receives {@link ZkLockLostEvent}s
	 * @param observations observes acquiring and holding; {@link ObservationRegistry#NOOP} for none
	 * @param interruptOnLost whether to interrupt a thread whose hold is lost
	 */
	public ZkLocks(CuratorFramework client, String identifier, Consumer<Object> publisher,
			ObservationRegistry observations, boolean interruptOnLost) {
		this.client = client;
		this.identifier = identifier;
		this.publisher = publisher;
		this.observations = observations;
		this.interruptOnLost = interruptOnLost;
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "zk-coordination");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		executor.scheduleWithFixedDelay(this::watchOldHolds, NODE_WATCH_DELAY_MILLIS, NODE_WATCH_DELAY_MILLIS,
				TimeUnit.MILLISECONDS);
		this.executor = executor;
		client.getConnectionStateListenable().addListener(this.connectionListener);
	}

	/**
	 * The exclusive lock at a path, kazoo's {@code Lock}.
	 * @param path the lock's path; contender nodes are its children
	 * @return the lock, the same object for the same path while it is in use
	 */
	public ZkLock lock(String path) {
		return lock(path, List.of());
	}

	/**
	 * The exclusive lock at a path that also counts other implementations' contenders (kazoo's
	 * {@code extra_lock_patterns}): with {@code "-lock-"}, Curator's {@code InterProcessMutex}
	 * contenders on the same path exclude this lock's holders. The reach is one-way, as kazoo's:
	 * Curator orders a lock path's children by the text after {@code "lock-"}, so it sorts this
	 * lock's {@code __lock__} contenders after its own and an {@code InterProcessMutex} does not
	 * wait for them. Use it to let a lock wait for Curator's holders, not to share one lock with
	 * Curator processes.
	 * @param path the lock's path
	 * @param extraLockPatterns markers before the 10-digit sequence of other contenders to count
	 * @return the lock
	 */
	public ZkLock lock(String path, List<String> extraLockPatterns) {
		return exclusive("lock", path, extraLockPatterns, this.identifier);
	}

	/**
	 * The exclusive lock at a path whose contender stores another identifier than this
	 * application's, as kazoo's {@code Lock(path, identifier)}: recipes built on locks store
	 * theirs (kazoo's set partitioner stores none: {@code ""}).
	 * @param path the lock's path
	 * @param identifier what the contender node holds
	 * @return the lock
	 */
	public ZkLock lock(String path, String identifier) {
		return exclusive("lock", path, List.of(), identifier);
	}

	/** The lock an election at a path is held on: an exclusive lock listed as an election's. */
	ZkLock electionLock(String path) {
		return exclusive("election", path, List.of(), this.identifier);
	}

	private ZkLock exclusive(String kind, String path, List<String> extraLockPatterns, String identifier) {
		String key = kind + " " + path + " " + extraLockPatterns + " " + identifier;
		return (ZkLock) this.instances.computeIfAbsent(key, (k) -> {
			List<String> excluding = new ArrayList<>(extraLockPatterns);
			excluding.add(0, Contenders.LOCK);
			return new ZkLock(this, validated(path), kind, identifier, Contenders.LOCK,
					new Contenders(excluding, Contenders.LOCK));
		});
	}

	/**
	 * The read/write lock at a path, kazoo's {@code ReadLock} and {@code WriteLock}: readers
	 * share it, a writer holds it alone.
	 * @param path the lock's path
	 * @return the lock pair
	 */
	public ZkReadWriteLock readWriteLock(String path) {
		return (ZkReadWriteLock) this.instances.computeIfAbsent("rw " + path,
				(k) -> new ZkReadWriteLock(this, validated(path)));
	}

	/**
	 * The semaphore at a path, kazoo's {@code Semaphore}: at most {@code maxLeases} holders at a
	 * time. The limit is stored in the path's data; every user of the semaphore must give the
	 * same.
	 * @param path the semaphore's path
	 * @param maxLeases how many may hold a lease at once
	 * @return the semaphore
	 */
	public ZkSemaphore semaphore(String path, int maxLeases) {
		if (maxLeases < 1) {
			throw new IllegalArgumentException("maxLeases must be at least 1, was " + maxLeases);
		}
		return (ZkSemaphore) this.instances.computeIfAbsent("semaphore " + path + " " + maxLeases,
				(k) -> new ZkSemaphore(this, validated(path), maxLeases));
	}

	/**
	 * Run work under the exclusive lock at a path.
	 * @param <T> the work's result
	 * @param path the lock's path
	 * @param wait how long to wait for the lock; zero tries once
	 * @param work the work
	 * @return what the work returned
	 * @throws ZkLockTimeoutException when the lock could not be had in time
	 * @throws Exception what the work threw
	 */
	public <T> T withLock(String path, Duration wait, Callable<T> work) throws Exception {
		ZkLock lock = lock(path);
		if (!lock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
			throw new ZkLockTimeoutException("Could not acquire the lock at " + path + " within " + wait, path);
		}
		try {
			return work.call();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * What this process stores in its contender nodes.
	 * @return the identifier
	 */
	public String identifier() {
		return this.identifier;
	}

	/**
	 * The locks, read and write locks and semaphore leases this application holds now.
	 * @return one entry per hold, oldest first
	 */
	public List<ZkHeldLock> held() {
		return this.holds.stream()
			.sorted(Comparator.comparing((Hold hold) -> hold.since))
			.map(Hold::describe)
			.toList();
	}

	/**
	 * The client the locks are on.
	 * @return the client
	 */
	public CuratorFramework client() {
		return this.client;
	}

	private static String validated(String path) {
		return ZkPath.validate(path);
	}

	/**
	 * Become a contender at a lock path and wait to be first, as kazoo's {@code Lock.acquire}.
	 * A contender node created just before a connection loss is found again by its uuid prefix
	 * (kazoo's {@code create_tried}); a contender whose session ended while it waited takes a new
	 * place in the queue. On timeout, failure or interrupt the contender node is removed.
	 * @param owner the lock the hold will be on
	 * @param kind the hold's kind, for observations and listings
	 * @param marker {@link Contenders#LOCK} or {@link Contenders#READ_LOCK}
	 * @param contenders which contenders go before this one
	 * @param timeoutNanos how long to wait; negative waits for ever, zero tries once
	 * @param interruptible whether an interrupt ends the wait with {@link InterruptedException};
	 * when not, the wait goes on and the thread's interrupt flag is set again at the end
	 * @return the hold, {@code null} when the time ran out
	 */
	@Nullable Hold acquire(HoldOwner owner, String kind, String marker, Contenders contenders, long timeoutNanos,
			boolean interruptible) throws InterruptedException {
		byte[] data = owner.identifier().getBytes(StandardCharsets.UTF_8);
		Observation observation = observation(ACQUIRE_OBSERVATION, owner.path(), kind).start();
		boolean interrupted = false;
		try {
			while (true) {
				try {
					String node = queue(owner.path(), marker, data, contenders, timeoutNanos);
					String nodePath = (node != null) ? ZKPaths.makePath(owner.path(), node) : null;
					observation.lowCardinalityKeyValue("outcome", (node != null) ? "acquired" : "timeout");
					return (nodePath != null) ? held(owner, kind, nodePath) : null;
				}
				catch (InterruptedException ex) {
					if (interruptible) {
						observation.lowCardinalityKeyValue("outcome", "interrupted");
						throw ex;
					}
					interrupted = true;
				}
			}
		}
		catch (RuntimeException ex) {
			observation.lowCardinalityKeyValue("outcome", "error");
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private @Nullable String queue(String lockPath, String marker, byte[] data, Contenders contenders, long timeoutNanos)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeoutNanos;
		String prefix = UUID.randomUUID().toString().replace("-", "") + marker;
		Wakeup wakeup = waiter();
		String node = null;
		boolean createTried = false;
		boolean done = false;
		try {
			while (true) {
				try {
					// while disconnected, wait here within the time allowed, not in Curator's retries
					if (!this.client.getZookeeperClient().isConnected() && !awaitConnection(deadline, timeoutNanos)) {
						return null;
					}
					if (node == null) {
						node = createTried ? find(lockPath, prefix) : null;
						if (node == null) {
							createTried = true;
							node = createContender(lockPath, prefix, data);
						}
					}
					wakeup.reset();
					List<String> children = this.client.getChildren().forPath(lockPath);
					if (!children.contains(node)) {
						// our session ended while we waited: queue again
						node = null;
						continue;
					}
					String predecessor = contenders.predecessor(children, node);
					if (predecessor == null) {
						done = true;
						return node;
					}
					long remaining = deadline - System.nanoTime();
					if (timeoutNanos == 0 || (timeoutNanos > 0 && remaining <= 0)) {
						return null;
					}
					try {
						this.client.getData().usingWatcher(wakeup).forPath(ZKPaths.makePath(lockPath, predecessor));
					}
					catch (KeeperException.NoNodeException ex) {
						continue;
					}
					wakeup.await((timeoutNanos > 0) ? remaining : -1);
					// sequence numbers only grow: when the one before us was first and is gone, we are
					if (wakeup.deleted(predecessor) && contenders.isFirst(children, predecessor)) {
						done = true;
						return node;
					}
				}
				catch (KeeperException.ConnectionLossException | KeeperException.SessionExpiredException ex) {
					if (!awaitConnection(deadline, timeoutNanos)) {
						return null;
					}
				}
			}
		}
		catch (InterruptedException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw ZkExceptionTranslator.translate(ex, lockPath);
		}
		finally {
			done(wakeup);
			if (!done) {
				removeContender(lockPath, node, createTried ? prefix : null);
			}
		}
	}

	/**
	 * Create a contender node once: with ZooKeeper's own handle, not through Curator, whose
	 * retry after a connection loss could create a second node and leave the first as an
	 * orphan in the queue. The node gets the lock path's ACL, as the client's ACL provider gave
	 * it; that ACL is read once per lock path (and again when the path has to be made again),
	 * so an acquire costs one round trip here, not four.
	 */
	private String createContender(String lockPath, String prefix, byte[] data) throws Exception {
		String path = ZKPaths.fixForNamespace(this.client.getNamespace(), ZKPaths.makePath(lockPath, prefix));
		List<ACL> acl = this.acls.get(lockPath);
		if (acl != null) {
			try {
				return create(path, data, acl);
			}
			catch (KeeperException.NoNodeException ex) {
				// the lock path is gone (an empty container the server removed): make it again
			}
		}
		this.client.createContainers(lockPath);
		acl = this.client.getACL().forPath(lockPath);
		this.acls.put(lockPath, acl);
		return create(path, data, acl);
	}

	private String create(String path, byte[] data, List<ACL> acl) throws Exception {
		return ZKPaths.getNodeFromPath(this.client.getZookeeperClient()
			.getZooKeeper()
			.create(path, data, acl, CreateMode.EPHEMERAL_SEQUENTIAL));
	}

	/**
	 * The identifiers stored in some children of a path, read in one round trip (a multi-read).
	 * @param path the parent
	 * @param which picks and orders the children to read
	 * @return their data as text, in that order, without the children gone meanwhile; empty when
	 * the path does not exist
	 */
	List<String> identifiers(String path, UnaryOperator<List<String>> which) {
		try {
			List<String> names = which.apply(this.client.getChildren().forPath(path));
			if (names.isEmpty()) {
				return List.of();
			}
			List<Op> reads = new ArrayList<>();
			for (String name : names) {
				reads.add(Op.getData(ZKPaths.fixForNamespace(this.client.getNamespace(), ZKPaths.makePath(path, name))));
			}
			List<String> identifiers = new ArrayList<>();
			for (OpResult result : this.client.getZookeeperClient().getZooKeeper().multi(reads)) {
				if (result instanceof OpResult.GetDataResult data) {
					identifiers.add((data.getData() != null) ? new String(data.getData(), StandardCharsets.UTF_8) : "");
				}
			}
			return identifiers;
		}
		catch (KeeperException.NoNodeException ex) {
			return List.of();
		}
		catch (Exception ex) {
			throw ZkExceptionTranslator.translate(ex, path);
		}
	}

	/**
	 * Wait for the connection until the deadline (for ever when there is none).
	 * @return false when the time ran out first
	 */
	private boolean awaitConnection(long deadline, long timeoutNanos) throws InterruptedException {
		if (timeoutNanos < 0) {
			this.client.blockUntilConnected();
			return true;
		}
		long remaining = deadline - System.nanoTime();
		return remaining > 0 && this.client.blockUntilConnected((int) Math.max(1, remaining / 1_000_000),
				TimeUnit.MILLISECONDS);
	}

	/** A wakeup that connection changes wake too; give it back with {@link #done}. */
	Wakeup waiter() {
		Wakeup wakeup = new Wakeup();
		this.waiting.add(wakeup);
		return wakeup;
	}

	void done(Wakeup wakeup) {
		this.waiting.remove(wakeup);
	}

	private @Nullable String find(String lockPath, String prefix) throws Exception {
		try {
			for (String child : this.client.getChildren().forPath(lockPath)) {
				if (child.startsWith(prefix)) {
					return child;
				}
			}
		}
		catch (KeeperException.NoNodeException ex) {
			// the lock path is not there yet
		}
		return null;
	}

	/**
	 * Remove a contender that gave up; when its name is not known (the create may or may not
	 * have reached the server), the node is looked for by its prefix, in the background, so no
	 * orphan contender stays in the queue.
	 */
	private void removeContender(String lockPath, @Nullable String node, @Nullable String prefix) {
		if (node != null) {
			delete(ZKPaths.makePath(lockPath, node));
		}
		else if (prefix != null) {
			this.executor.execute(() -> {
				try {
					String found = find(lockPath, prefix);
					if (found != null) {
						delete(ZKPaths.makePath(lockPath, found));
					}
				}
				catch (Exception ex) {
					logger.warn("Could not look for a contender under " + lockPath + " to remove it: " + ex);
				}
			});
		}
	}

	/**
	 * Delete a node this process owns; Curator keeps trying in the background when the
	 * connection is down, so a released lock is freed once the connection is back.
	 */
	void delete(String nodePath) {
		try {
			this.client.delete().guaranteed().forPath(nodePath);
		}
		catch (KeeperException.NoNodeException ex) {
			// already gone with its session
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			logger.debug("Deleting " + nodePath + " failed for now; Curator retries it: " + ex);
		}
	}

	Hold held(HoldOwner owner, String kind, String nodePath) {
		Hold hold = new Hold(owner, kind, nodePath, Thread.currentThread(),
				observation(HOLD_OBSERVATION, owner.path(), kind).start());
		this.holds.add(hold);
		return hold;
	}

	/** Every {@value #NODE_WATCH_DELAY_MILLIS} ms: watch the nodes of the holds that have grown old enough. */
	private void watchOldHolds() {
		Instant old = Instant.now().minusMillis(NODE_WATCH_DELAY_MILLIS);
		for (Hold hold : this.holds) {
			if (!hold.released && !hold.watched && hold.since.isBefore(old)) {
				hold.watched = true;
				watchNode(hold);
			}
		}
	}

	/**
	 * Notice when the node of a hold is deleted by someone else (set once the hold is
	 * {@value #NODE_WATCH_DELAY_MILLIS} ms old, in the background; a node already gone makes the
	 * hold LOST).
	 */
	private void watchNode(Hold hold) {
		Watcher watcher = (event) -> {
			if (event.getType() == Watcher.Event.EventType.NodeDeleted && !hold.released) {
				changeState(hold, ZkLockState.LOST);
			}
		};
		try {
			this.client.checkExists().usingWatcher(watcher).inBackground((client, event) -> {
				if (event.getResultCode() == KeeperException.Code.NONODE.intValue() && !hold.released) {
					changeState(hold, ZkLockState.LOST);
				}
			}).forPath(hold.nodePath);
		}
		catch (Exception ex) {
			// the connection listener takes over: the hold is IN_DOUBT or LOST with it
		}
	}

	/**
	 * Give up a hold now: its node is deleted, its hold timer stopped.
	 */
	void release(Hold hold) {
		hold.released = true;
		this.holds.remove(hold);
		hold.finish();
		delete(hold.nodePath);
	}

	/**
	 * Give up a hold, but keep its node until an instant: an instance that tries a moment
	 * later finds it held (ShedLock's lock-at-least-for).
	 */
	void releaseNotBefore(Hold hold, Instant notBefore) {
		long delay = Duration.between(Instant.now(), notBefore).toNanos();
		if (delay <= 0) {
			release(hold);
			return;
		}
		hold.released = true;
		this.executor.schedule(() -> release(hold), delay, TimeUnit.NANOSECONDS);
	}

	private Observation observation(String name, String path, String kind) {
		return Observation.createNotStarted(name, this.observations)
			.lowCardinalityKeyValue("kind", kind)
			.highCardinalityKeyValue("path", path);
	}

	private void connectionChanged(CuratorFramework client, ConnectionState state) {
		switch (state) {
			case SUSPENDED -> this.holds.forEach((hold) -> {
				if (hold.state == ZkLockState.HELD) {
					changeState(hold, ZkLockState.IN_DOUBT);
				}
			});
			case LOST -> this.holds.forEach((hold) -> changeState(hold, ZkLockState.LOST));
			case CONNECTED, RECONNECTED, READ_ONLY -> this.executor.execute(this::checkInDoubt);
		}
		this.waiting.forEach(Wakeup::wake);
	}

	/** After a reconnection, a hold in doubt is held again when its node is still in this session. */
	private void checkInDoubt() {
		for (Hold hold : this.holds) {
			if (hold.state != ZkLockState.IN_DOUBT) {
				continue;
			}
			try {
				long session = this.client.getZookeeperClient().getZooKeeper().getSessionId();
				Stat stat = this.client.checkExists().forPath(hold.nodePath);
				changeState(hold, (stat != null && stat.getEphemeralOwner() == session) ? ZkLockState.HELD
						: ZkLockState.LOST);
			}
			catch (Exception ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
					return;
				}
				// still in doubt: the next connection change checks again
			}
		}
	}

	private void changeState(Hold hold, ZkLockState state) {
		synchronized (hold) {
			if (hold.state == state || hold.state == ZkLockState.LOST) {
				return;
			}
			hold.state = state;
		}
		if (hold.released) {
			// let go already, kept only for a minimum hold time: nobody to tell
			if (state == ZkLockState.LOST) {
				this.holds.remove(hold);
				hold.finish();
			}
			return;
		}
		if (state == ZkLockState.LOST) {
			logger.warn("Lost " + hold.kind + " " + hold.owner.path() + " held by thread " + hold.thread.getName()
					+ " since " + hold.since);
			if (this.interruptOnLost) {
				hold.thread.interrupt();
			}
		}
		// listeners and events run on the coordination thread, in order, off ZooKeeper's threads
		this.executor.execute(() -> tell(hold, state));
	}

	private void tell(Hold hold, ZkLockState state) {
		try {
			hold.owner.stateChanged(hold, state);
			if (state == ZkLockState.LOST) {
				this.publisher.accept(new ZkLockLostEvent(this, hold.owner.path(), hold.owner.identifier(),
						hold.thread.getName(), hold.since));
			}
		}
		catch (RuntimeException ex) {
			logger.error("A listener of " + hold.owner.path() + " failed", ex);
		}
	}

	/** Stops the coordination thread; what is held stays held until released or the session ends. */
	@Override
	public void close() {
		this.client.getConnectionStateListenable().removeListener(this.connectionListener);
		// delayed releases are done now: the process is going, and its session with it
		this.executor.shutdownNow().forEach(Runnable::run);
	}

	/**
	 * Wakes a waiting contender: its predecessor's watch fired, or the connection changed.
	 */
	static final class Wakeup implements Watcher {

		private boolean woken;

		private @Nullable WatchedEvent event;

		synchronized void reset() {
			this.woken = false;
			this.event = null;
		}

		/** Whether what woke this was the deletion of the named node (not a connection change). */
		synchronized boolean deleted(String node) {
			return this.event != null && this.event.getType() == Watcher.Event.EventType.NodeDeleted
					&& node.equals(ZKPaths.getNodeFromPath(this.event.getPath()));
		}

		synchronized void wake() {
			this.woken = true;
			notifyAll();
		}

		@Override
		public synchronized void process(WatchedEvent event) {
			this.event = event;
			wake();
		}

		/**
		 * @param timeoutNanos negative waits until woken
		 */
		synchronized void await(long timeoutNanos) throws InterruptedException {
			long deadline = System.nanoTime() + timeoutNanos;
			while (!this.woken) {
				if (timeoutNanos < 0) {
					wait();
				}
				else {
					long remaining = deadline - System.nanoTime();
					if (remaining <= 0) {
						return;
					}
					TimeUnit.NANOSECONDS.timedWait(this, remaining);
				}
			}
		}

	}

}
