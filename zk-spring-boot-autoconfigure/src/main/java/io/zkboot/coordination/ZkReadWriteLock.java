package io.zkboot.coordination;

import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * kazoo's {@code ReadLock} and {@code WriteLock} on one path, as a {@link ReadWriteLock}:
 * readers ({@code __rlock__} contenders) share the lock and wait only for writers before them;
 * a writer ({@code __lock__}) waits for every contender before it. Both are reentrant for the
 * thread that holds them; a thread that holds the read lock cannot take the write lock (it
 * would wait for itself).
 *
 * <p>kazoo 2.8's read lock waits for the newest writer in the queue, even one that came after
 * it; a kazoo reader and a writer that queue at the same moment can wait for each other. This
 * class waits only for writers before it, as ZooKeeper's recipe says.
 */
public final class ZkReadWriteLock implements ReadWriteLock {

	private final ZkLock readLock;

	private final ZkLock writeLock;

	ZkReadWriteLock(ZkLocks locks, String path) {
		this.readLock = new ZkLock(locks, path, "read", locks.identifier(), Contenders.READ_LOCK,
				new Contenders(List.of(Contenders.LOCK), Contenders.READ_LOCK));
		this.writeLock = new ZkLock(locks, path, "write", locks.identifier(), Contenders.LOCK,
				new Contenders(List.of(Contenders.LOCK, Contenders.READ_LOCK), Contenders.LOCK));
	}

	@Override
	public ZkLock readLock() {
		return this.readLock;
	}

	@Override
	public ZkLock writeLock() {
		return this.writeLock;
	}

}
