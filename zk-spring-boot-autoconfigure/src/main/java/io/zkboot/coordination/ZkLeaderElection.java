package io.zkboot.coordination;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * kazoo's {@code Election}: a {@link ZkLock} whose holder leads; each participant's contender
 * node holds its identifier, so {@link #leader()} and {@link #participants()} answer from any
 * participant. A participant takes part on a thread of its own from {@link #start()} to
 * {@link #close()}: it queues, leads while it holds the lock, and queues again after it yields
 * or its session ends (never while leading on a lost session).
 *
 * <p>Leading is granted and revoked through {@link ZkLeadershipListener}s and
 * {@link ZkLeadershipEvent}s, and observed as {@value #OBSERVATION} (a timer whose count is the
 * terms led and a long-task timer that is 1 while leading).
 */
public final class ZkLeaderElection implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(ZkLeaderElection.class);

	/** The observation of each term as leader. */
	public static final String OBSERVATION = "zk.leadership";

	private final ZkLock lock;

	private final ZkRevokePolicy revokePolicy;

	private final Consumer<Object> publisher;

	private final ObservationRegistry observations;

	private final List<ZkLeadershipListener> listeners = new CopyOnWriteArrayList<>();

	private final Object monitor = new Object();

	private final ZkLockListener lockListener = (path, holder, state) -> signal();

	private @Nullable Thread thread;

	private boolean running;

	private boolean yieldRequested;

	private boolean standingAside;

	/** Whether the thread waits in the lock's queue, where only an interrupt wakes it. */
	private boolean queued;

	private volatile boolean leading;

	private @Nullable Observation term;

	ZkLeaderElection(ZkLock lock, ZkRevokePolicy revokePolicy, Consumer<Object> publisher,
			ObservationRegistry observations) {
		this.lock = lock;
		this.revokePolicy = revokePolicy;
		this.publisher = publisher;
		this.observations = observations;
	}

	/**
	 * Be told when leadership is granted and revoked. Add listeners before {@link #start()}.
	 * @param listener the listener
	 */
	public void addListener(ZkLeadershipListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Take part: queue for leadership on the election's own thread.
	 */
	public void start() {
		synchronized (this.monitor) {
			if (this.running) {
				return;
			}
			this.running = true;
			this.lock.addListener(this.lockListener);
			this.thread = new Thread(this::participate, "zk-election " + this.lock.path());
			this.thread.setDaemon(true);
			this.thread.start();
		}
	}

	/**
	 * Leave the election: revoke leadership if held (listeners first, then the node), and stop
	 * the election's thread.
	 */
	@Override
	public void close() {
		Thread thread;
		synchronized (this.monitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			thread = this.thread;
			this.monitor.notifyAll();
		}
		wakeQueued();
		try {
			thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.lock.removeListener(this.lockListener);
	}

	/**
	 * Give leadership up and queue again at the end (when alone, this participant leads again
	 * at once). Does nothing when not leading.
	 */
	public void yieldLeadership() {
		synchronized (this.monitor) {
			this.yieldRequested = true;
			this.monitor.notifyAll();
		}
	}

	/**
	 * Leave the queue until called with {@code false}, for example while the application is
	 * unhealthy; a leader yields.
	 * @param aside whether to stand aside
	 */
	public void standAside(boolean aside) {
		synchronized (this.monitor) {
			if (this.standingAside != aside) {
				logger.info((aside ? "Standing aside from" : "Rejoining") + " the election at " + this.lock.path());
			}
			this.standingAside = aside;
			this.monitor.notifyAll();
		}
		if (aside) {
			wakeQueued();
		}
	}

	private void wakeQueued() {
		synchronized (this.monitor) {
			if (this.queued) {
				this.thread.interrupt();
			}
		}
	}

	/**
	 * Whether this participant leads now.
	 * @return true between granted and revoked
	 */
	public boolean isLeader() {
		return this.leading;
	}

	/**
	 * The current leader, read from ZooKeeper: the first contender's identifier.
	 * @return the leader's identifier, empty when nobody takes part
	 */
	public Optional<String> leader() {
		return participants().stream().findFirst();
	}

	/**
	 * Every participant's identifier, the leader first, then in queue order.
	 * @return the identifiers
	 */
	public List<String> participants() {
		return this.lock.contenders();
	}

	/**
	 * The election's path.
	 * @return the path
	 */
	public String getPath() {
		return this.lock.path();
	}

	/**
	 * This participant's identifier.
	 * @return the identifier stored in its contender node
	 */
	public String getParticipantId() {
		return this.lock.identifier();
	}

	/**
	 * When a troubled connection revokes leadership.
	 * @return the policy
	 */
	public ZkRevokePolicy getRevokePolicy() {
		return this.revokePolicy;
	}

	private void participate() {
		while (isRunning()) {
			try {
				if (awaitTurnToQueue()) {
					try {
						this.lock.lockInterruptibly();
					}
					finally {
						setQueued(false);
					}
					try {
						lead();
					}
					finally {
						// an interrupt meant for the queue must not stop the node's delete
						Thread.interrupted();
						revoke();
						this.lock.unlock();
					}
				}
			}
			catch (InterruptedException ex) {
				// woken to close, stand aside or yield: the loop looks at what was asked
			}
			catch (RuntimeException ex) {
				logger.warn("Taking part in the election at " + this.lock.path() + " failed, trying again: " + ex);
				pause();
			}
		}
	}

	/** @return false when closing */
	private boolean awaitTurnToQueue() throws InterruptedException {
		synchronized (this.monitor) {
			while (this.running && this.standingAside) {
				this.monitor.wait();
			}
			this.yieldRequested = false;
			this.queued = this.running;
			return this.running;
		}
	}

	private void setQueued(boolean queued) {
		synchronized (this.monitor) {
			this.queued = queued;
		}
	}

	/** Lead while the hold allows it; returns when the hold is lost or leading is to end. */
	private void lead() {
		while (true) {
			ZkLockState state = this.lock.getState();
			boolean mayLead = state == ZkLockState.HELD
					|| (state == ZkLockState.IN_DOUBT && this.revokePolicy == ZkRevokePolicy.LOST);
			synchronized (this.monitor) {
				if (!this.running || this.yieldRequested || this.standingAside || state == ZkLockState.LOST) {
					return;
				}
			}
			if (mayLead) {
				grant();
			}
			else {
				revoke();
			}
			synchronized (this.monitor) {
				if (this.running && !this.yieldRequested && !this.standingAside && this.lock.getState() == state) {
					try {
						this.monitor.wait();
					}
					catch (InterruptedException ex) {
						// look again
					}
				}
			}
		}
	}

	private void grant() {
		if (this.leading) {
			return;
		}
		this.leading = true;
		this.term = Observation.createNotStarted(OBSERVATION, this.observations)
			.highCardinalityKeyValue("path", this.lock.path())
			.start();
		logger.info("Leading the election at " + this.lock.path() + " as " + getParticipantId());
		for (ZkLeadershipListener listener : this.listeners) {
			call(() -> listener.granted(this));
		}
		this.publisher.accept(new ZkLeadershipEvent.Granted(this, this.lock.path(), getParticipantId()));
	}

	private void revoke() {
		if (!this.leading) {
			return;
		}
		this.leading = false;
		this.term.stop();
		logger.info("No longer leading the election at " + this.lock.path() + " (" + this.lock.getState() + ")");
		this.publisher.accept(new ZkLeadershipEvent.Revoked(this, this.lock.path(), getParticipantId()));
		for (ZkLeadershipListener listener : this.listeners) {
			call(() -> listener.revoked(this));
		}
	}

	private void call(Runnable callback) {
		try {
			callback.run();
		}
		catch (RuntimeException ex) {
			logger.error("A leadership listener of " + this.lock.path() + " failed", ex);
		}
	}

	private void signal() {
		synchronized (this.monitor) {
			this.monitor.notifyAll();
		}
	}

	private boolean isRunning() {
		synchronized (this.monitor) {
			return this.running;
		}
	}

	private void pause() {
		synchronized (this.monitor) {
			try {
				this.monitor.wait(1_000);
			}
			catch (InterruptedException ex) {
				// closing
			}
		}
	}

	@Override
	public String toString() {
		return "ZkLeaderElection[" + this.lock.path() + " as " + getParticipantId() + (this.leading ? ", leading" : "")
				+ "]";
	}

}
