package io.zkboot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.zkboot.coordination.ZkLeaderElection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the application's election participant aside while a check says the application is
 * unfit to lead (health DOWN, registration OUT_OF_SERVICE), looking every interval.
 */
final class LeaderHealthGuard implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(LeaderHealthGuard.class);

	private final ZkLeaderElection election;

	private final @Nullable List<Supplier<String>> checks;

	private final ScheduledExecutorService executor;

	private @Nullable String reason;

	/**
	 * @param checks each answers why the application is unfit to lead, or {@code null}
	 */
	LeaderHealthGuard(ZkLeaderElection election, @Nullable List<Supplier<String>> checks, Duration interval) {
		this.election = election;
		this.checks = checks;
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "zk-leader-health");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1, interval.toMillis());
		this.executor.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void check() {
		String unfit = null;
		for (Supplier<String> check : this.checks) {
			try {
				unfit = check.get();
			}
			catch (RuntimeException ex) {
				unfit = "its check failed: " + ex;
			}
			if (unfit != null) {
				break;
			}
		}
		if (unfit != null && this.reason == null) {
			logger.warn("Yielding leadership of " + this.election.getPath() + ": " + unfit);
		}
		this.reason = unfit;
		this.election.standAside(unfit != null);
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
