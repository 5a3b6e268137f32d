package io.zkboot.coordination;

import java.time.Instant;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a lock, read or write lock, or semaphore lease this application held is lost:
 * its session ended (connection state LOST) or its node was deleted. Another process may hold
 * it now; the work done under it should stop.
 */
public class ZkLockLostEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final String path;

	private final String identifier;

	private final String holderThread;

	private final Instant heldSince;

	/**
	 * Create an event.
	 * @param source the lock factory
	 * @param path the lock's path
	 * @param identifier this contender's identifier, as stored in its node
	 * @param holderThread the name of the thread that held it
	 * @param heldSince when it was acquired
	 */
	public ZkLockLostEvent(Object source, String path, String identifier, String holderThread, Instant heldSince) {
		super(source);
		this.path = path;
		this.identifier = identifier;
		this.holderThread = holderThread;
		this.heldSince = heldSince;
	}

	/**
	 * The lock's path.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * The identifier this contender stored.
	 * @return the identifier
	 */
	public String getIdentifier() {
		return this.identifier;
	}

	/**
	 * The thread that held the lock.
	 * @return the thread's name
	 */
	public String getHolderThread() {
		return this.holderThread;
	}

	/**
	 * When the lock was acquired.
	 * @return the instant
	 */
	public Instant getHeldSince() {
		return this.heldSince;
	}

	@Override
	public String toString() {
		return "ZkLockLostEvent[" + this.path + " held by " + this.identifier + " (" + this.holderThread + ") since "
				+ this.heldSince + "]";
	}

}
