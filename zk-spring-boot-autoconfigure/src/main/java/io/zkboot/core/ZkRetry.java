package io.zkboot.core;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.RetryLoop;
import org.apache.curator.RetryPolicy;
import org.apache.curator.RetrySleeper;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * Runs a function of several ZooKeeper calls again when it fails with a retryable error, as
 * kazoo's {@code retry}: the whole function is run again, under a Curator {@link RetryPolicy}
 * that decides which failures are retryable ({@link RetryPolicy#allowRetry(Throwable)}: by default
 * connection loss, operation timeout, session moved and session expiry), how often and how long to
 * sleep in between ({@link RetryPolicy#allowRetry(int, long, RetrySleeper)}, with Curator's own
 * sleeper). Write the function to cope with a call that took effect before the connection was lost
 * (for example a create that finds its node already there). Immutable and thread-safe.
 *
 * <p>Retries do not multiply: while a function runs, Curator does not retry the calls inside it
 * on the same thread when the client was built with {@link #forClient(RetryPolicy)} (the starter's
 * clients are), and a {@code ZkRetry} inside another runs its function once; the outermost one
 * alone retries. {@link ZkTemplate#retry} uses the client's own policy ({@link #of(CuratorFramework)}).
 *
 * <pre>{@code
 * ZkRetry retry = ZkRetry.of(new ExponentialBackoffRetry(100, 5));
 * String value = retry.call(() -> template.get("/config").dataAsString());
 * }</pre>
 */
public final class ZkRetry {

	private static final Log logger = LogFactory.getLog(ZkRetry.class);

	/** Set while a function runs under a retry on this thread. */
	private static final ThreadLocal<ZkRetry> running = new ThreadLocal<>();

	private final RetryPolicy policy;

	private ZkRetry(RetryPolicy policy) {
		this.policy = (policy instanceof ClientRetryPolicy client) ? client.policy : policy;
	}

	/**
	 * Returns the default policy, that of {@code zk.retry.*}'s defaults: up to 10 retries, sleeping
	 * from 100 ms doubling (randomly) to at most 5 s.
	 * @return the default policy
	 */
	public static ZkRetry defaults() {
		return of(new BoundedExponentialBackoffRetry(100, 5000, 10));
	}

	/**
	 * Retries under a Curator policy.
	 * @param policy the policy
	 * @return a retry
	 */
	public static ZkRetry of(RetryPolicy policy) {
		return new ZkRetry(policy);
	}

	/**
	 * Retries under a client's own policy, the one its calls are retried with.
	 * @param client the client
	 * @return a retry
	 */
	public static ZkRetry of(CuratorFramework client) {
		return of(client.getZookeeperClient().getRetryPolicy());
	}

	/**
	 * The policy for a Curator client: the given one, except that the client does not retry a call
	 * made inside a function that a {@code ZkRetry} runs (that function is retried as a whole
	 * instead). {@link #of(CuratorFramework)} finds the given policy again.
	 * @param policy the policy
	 * @return the policy to build the client with
	 */
	public static RetryPolicy forClient(RetryPolicy policy) {
		return (policy instanceof ClientRetryPolicy) ? policy : new ClientRetryPolicy(policy);
	}

	/**
	 * Returns the Curator policy of this retry.
	 * @return the policy
	 */
	public RetryPolicy getPolicy() {
		return this.policy;
	}

	/**
	 * Runs a function, again after each retryable failure, as long as the policy allows.
	 * @param <T> the function's result
	 * @param function the function
	 * @return the function's result
	 * @throws ZkException the last failure (translated) when the function could not be completed
	 */
	public <T extends @Nullable Object> T call(ZkCallable<T> function) {
		if (running.get() != null) {
			return once(function);
		}
		running.set(this);
		try {
			long start = System.currentTimeMillis();
			for (int retries = 0;; retries++) {
				try {
					return once(function);
				}
				catch (ZkException failure) {
					if (!isRetryable(failure) || !this.policy.allowRetry(retries,
							System.currentTimeMillis() - start, RetryLoop.getDefaultRetrySleeper())) {
						throw failure;
					}
					if (logger.isDebugEnabled()) {
						logger.debug("Retrying after " + failure.getMessage() + " (retry " + (retries + 1) + ")");
					}
				}
			}
		}
		finally {
			running.remove();
		}
	}

	/**
	 * Runs a function with no result, as {@link #call(ZkCallable)}.
	 * @param function the function
	 */
	public void run(ZkRunnable function) {
		this.<@Nullable Object>call(() -> {
			function.run();
			return null;
		});
	}

	/**
	 * Tells whether a failure is worth another try under this policy
	 * ({@link RetryPolicy#allowRetry(Throwable)} with the failure's ZooKeeper error).
	 * @param ex the failure
	 * @return whether the policy retries it
	 */
	public boolean isRetryable(ZkException ex) {
		return ex.getCode() != null && this.policy.allowRetry(KeeperException.create(ex.getCode()));
	}

	private static <T extends @Nullable Object> T once(ZkCallable<T> function) {
		try {
			return function.call();
		}
		catch (ZkException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw ZkExceptionTranslator.translate(ex, null);
		}
	}

	/**
	 * A client's policy that lets the retry around a function alone retry the function's calls.
	 */
	private record ClientRetryPolicy(RetryPolicy policy) implements RetryPolicy {

		@Override
		public boolean allowRetry(int retryCount, long elapsedTimeMs, RetrySleeper sleeper) {
			return running.get() == null && this.policy.allowRetry(retryCount, elapsedTimeMs, sleeper);
		}

		@Override
		public boolean allowRetry(Throwable exception) {
			return this.policy.allowRetry(exception);
		}

	}

}
