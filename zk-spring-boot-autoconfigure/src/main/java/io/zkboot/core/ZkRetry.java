package io.zkboot.core;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a function of several ZooKeeper calls again when it fails with a retryable error, as
 * kazoo's {@code retry} and {@code KazooRetry}: connection loss and operation timeouts always, session
 * expiry when so configured. The whole function is run again, so write it to cope with a call that
 * took effect before the connection was lost (for example a create that finds its node already
 * there). Immutable and thread-safe.
 *
 * <pre>{@code
 * ZkRetry retry = ZkRetry.builder().maxTries(5).backoff(Duration.ofMillis(100), Duration.ofSeconds(2))
 *     .deadline(Duration.ofSeconds(30)).build();
 * String value = retry.call(() -> template.get("/config").dataAsString());
 * }</pre>
 */
public final class ZkRetry {

	private static final Logger logger = LoggerFactory.getLogger(ZkRetry.class);

	private final int maxTries;

	private final Duration initialDelay;

	private final Duration maxDelay;

	private final double jitter;

	private final Duration deadline;

	private final boolean retrySessionExpiry;

	private ZkRetry(Builder builder) {
		this.maxTries = builder.maxTries;
		this.initialDelay = builder.initialDelay;
		this.maxDelay = builder.maxDelay;
		this.jitter = builder.jitter;
		this.deadline = builder.deadline;
		this.retrySessionExpiry = builder.retrySessionExpiry;
	}

	/**
	 * Returns the default policy, kazoo's defaults: up to 10 tries, backoff from 100 ms doubling to at
	 * most 60 s with 20% jitter, no deadline, session expiry retried.
	 * @return the default policy
	 */
	public static ZkRetry defaults() {
		return builder().build();
	}

	/**
	 * Starts a policy from the defaults.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Runs a function, again after each retryable failure, until it succeeds, the tries are used up
	 * or the deadline passes.
	 * @param <T> the function's result
	 * @param function the function
	 * @return the function's result
	 * @throws ZkException the last failure (translated) when the function could not be completed
	 */
	public <T> T call(ZkCallable<T> function) {
		long start = System.nanoTime();
		long delay = this.initialDelay.toNanos();
		for (int attempt = 1;; attempt++) {
			ZkException failure;
			try {
				return function.call();
			}
			catch (RuntimeException ex) {
				if (!(ex instanceof ZkException zk)) {
					throw ex;
				}
				failure = zk;
			}
			catch (Exception ex) {
				failure = ZkExceptionTranslator.translate(ex, null);
			}
			long sleep = withJitter(Math.min(delay, this.maxDelay.toNanos()));
			if (!isRetryable(failure) || attempt >= this.maxTries || pastDeadline(start, sleep)) {
				throw failure;
			}
			logger.debug("retrying after {} (attempt {} of {})", failure.getMessage(), attempt, this.maxTries);
			sleep(sleep, failure);
			delay = Math.min(delay * 2, this.maxDelay.toNanos());
		}
	}

	/**
	 * Runs a function with no result, as {@link #call(ZkCallable)}.
	 * @param function the function
	 */
	public void run(ZkRunnable function) {
		call(() -> {
			function.run();
			return null;
		});
	}

	/**
	 * Tells whether a failure is worth another try under this policy.
	 * @param ex the failure
	 * @return whether it is a connection loss, an operation timeout, or (when so configured) a
	 * session expiry
	 */
	public boolean isRetryable(ZkException ex) {
		return ex instanceof ZkConnectionLossException || ex instanceof ZkOperationTimeoutException
				|| (this.retrySessionExpiry && ex instanceof ZkSessionExpiredException);
	}

	private long withJitter(long nanos) {
		if (this.jitter == 0 || nanos == 0) {
			return nanos;
		}
		double factor = 1 + ThreadLocalRandom.current().nextDouble(-this.jitter, this.jitter);
		return (long) (nanos * factor);
	}

	private boolean pastDeadline(long start, long sleep) {
		return this.deadline != null && System.nanoTime() + sleep - start > this.deadline.toNanos();
	}

	private static void sleep(long nanos, ZkException failure) {
		try {
			Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
		}
		catch (InterruptedException ex) {
			ZkException interrupted = ZkExceptionTranslator.translate(ex, failure.getPath());
			interrupted.addSuppressed(failure);
			throw interrupted;
		}
	}

	/**
	 * A function with no result, for {@link ZkRetry#run(ZkRunnable)}.
	 */
	@FunctionalInterface
	public interface ZkRunnable {

		/**
		 * Runs the function once.
		 * @throws Exception whatever the calls throw
		 */
		void run() throws Exception;

	}

	/**
	 * Builds a {@link ZkRetry}.
	 */
	public static final class Builder {

		private int maxTries = 10;

		private Duration initialDelay = Duration.ofMillis(100);

		private Duration maxDelay = Duration.ofSeconds(60);

		private double jitter = 0.2;

		private Duration deadline;

		private boolean retrySessionExpiry = true;

		private Builder() {
		}

		/**
		 * Sets how many times the function may run in all.
		 * @param maxTries at least 1
		 * @return this builder
		 */
		public Builder maxTries(int maxTries) {
			if (maxTries < 1) {
				throw new IllegalArgumentException("maxTries must be at least 1: " + maxTries);
			}
			this.maxTries = maxTries;
			return this;
		}

		/**
		 * Sets the exponential backoff: the first pause, doubled after each try up to a maximum.
		 * @param initialDelay the first pause
		 * @param maxDelay the longest pause
		 * @return this builder
		 */
		public Builder backoff(Duration initialDelay, Duration maxDelay) {
			this.initialDelay = initialDelay;
			this.maxDelay = maxDelay;
			return this;
		}

		/**
		 * Sets the random spread of each pause.
		 * @param jitter a fraction from 0 (none) to 1; a pause varies by up to this fraction
		 * @return this builder
		 */
		public Builder jitter(double jitter) {
			if (jitter < 0 || jitter > 1) {
				throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
			}
			this.jitter = jitter;
			return this;
		}

		/**
		 * Sets a deadline: no try starts after it has passed since the first.
		 * @param deadline the time allowed in all, or {@code null} for none
		 * @return this builder
		 */
		public Builder deadline(Duration deadline) {
			this.deadline = deadline;
			return this;
		}

		/**
		 * Sets whether a session expiry is retried (kazoo's {@code ignore_expire}, default true). Curator
		 * makes a new session after an expiry, so a retried function runs in the new one.
		 * @param retrySessionExpiry whether to retry
		 * @return this builder
		 */
		public Builder retrySessionExpiry(boolean retrySessionExpiry) {
			this.retrySessionExpiry = retrySessionExpiry;
			return this;
		}

		/**
		 * Builds the policy.
		 * @return the policy
		 */
		public ZkRetry build() {
			return new ZkRetry(this);
		}

	}

}
