package io.zkboot.coordination;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;

/**
 * One thread's hold on a lock or a semaphore lease: the node that stands for it, since when,
 * and what is known of it as the connection changes.
 */
final class Hold {

	final HoldOwner owner;

	final String kind;

	final String nodePath;

	final Thread thread;

	final Instant since;

	final Observation observation;

	/** Re-entries by the holding thread; only touched by that thread. */
	int count = 1;

	volatile ZkLockState state = ZkLockState.HELD;

	/** Set once the hold is given up (or handed to a delayed release), so a deleted node is not "lost". */
	volatile boolean released;

	private final AtomicBoolean finished = new AtomicBoolean();

	/** Whether its node is watched for deletion yet; only touched by the coordination thread. */
	boolean watched;

	Hold(HoldOwner owner, String kind, String nodePath, Thread thread, Observation observation) {
		this.owner = owner;
		this.kind = kind;
		this.nodePath = nodePath;
		this.thread = thread;
		this.since = Instant.now();
		this.observation = observation;
	}

	/** Ends the hold's observation, once, whoever gets here first (its release, or its loss after letting go). */
	void finish() {
		if (this.finished.compareAndSet(false, true)) {
			this.observation.stop();
		}
	}

	ZkHeldLock describe() {
		return new ZkHeldLock(this.owner.path(), this.kind, this.nodePath, this.thread.getName(), this.since,
				this.state, this.released);
	}

}
