package io.zkboot.watch;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Runs tasks one at a time, in the order they were given, on threads of a shared pool: a
 * serial queue, so that one watch never runs concurrently with itself and a slow watch holds
 * up no other.
 */
final class SerialExecutor implements Executor {

	private static final Log logger = LogFactory.getLog(SerialExecutor.class);

	private final Executor pool;

	private final Queue<Runnable> tasks = new ArrayDeque<>();

	private boolean draining;

	SerialExecutor(Executor pool) {
		this.pool = pool;
	}

	@Override
	public void execute(Runnable task) {
		synchronized (this) {
			this.tasks.add(task);
			if (this.draining) {
				return;
			}
			this.draining = true;
		}
		this.pool.execute(this::drain);
	}

	private void drain() {
		while (true) {
			Runnable next;
			synchronized (this) {
				next = this.tasks.poll();
				if (next == null) {
					this.draining = false;
					return;
				}
			}
			try {
				next.run();
			}
			catch (RuntimeException ex) {
				logger.error("ZooKeeper watch task failed", ex);
			}
		}
	}

}
