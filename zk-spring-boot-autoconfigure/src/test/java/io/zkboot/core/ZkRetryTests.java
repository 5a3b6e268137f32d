package io.zkboot.core;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.RetryPolicy;
import org.apache.curator.RetrySleeper;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.curator.retry.RetryNTimes;
import org.apache.curator.retry.RetryUntilElapsed;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ZkRetryTests extends ZkServerSupport {

	private final ZkRetry quick = ZkRetry.of(new BoundedExponentialBackoffRetry(50, 400, 50));

	@Test
	void aFunctionOfSeveralCallsIsCarriedAcrossAServerRestart() throws Exception {
		CuratorFramework client = newClient(new RetryNTimes(0, 0), 500);
		try {
			ZkTemplate zk = new ZkTemplate(client);
			zk.create("/counter", bytes("0"));
			AtomicInteger attempts = new AtomicInteger();
			server.stop();
			CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
				try {
					TimeUnit.MILLISECONDS.sleep(1500);
					server.restart();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			String result = this.quick.call(() -> {
				attempts.incrementAndGet();
				ZkNode counter = zk.get("/counter");
				int next = Integer.parseInt(counter.dataAsString()) + 1;
				zk.set("/counter", bytes(Integer.toString(next)), counter.stat().getVersion());
				return zk.get("/counter").dataAsString();
			});
			restart.get(10, TimeUnit.SECONDS);
			assertThat(result).isEqualTo("1");
			assertThat(attempts.get()).isGreaterThan(1);
		}
		finally {
			client.close();
		}
	}

	@Test
	void aSessionExpiryIsRetriedInTheNewSession() throws Exception {
		this.template.create("/a", bytes("A"));
		CuratorFramework client = newClient(new RetryNTimes(0, 0), 1000);
		try {
			ZkTemplate zk = new ZkTemplate(client);
			long firstSession = client.getZookeeperClient().getZooKeeper().getSessionId();
			AtomicInteger attempts = new AtomicInteger();
			List<Class<?>> failures = new CopyOnWriteArrayList<>();
			String value = this.quick.call(() -> {
				// the session's handle of this try: expired in the first try, as a server would expire it
				ZooKeeper handle = client.getZookeeperClient().getZooKeeper();
				if (attempts.incrementAndGet() == 1) {
					handle.getTestable().injectSessionExpiration();
				}
				try {
					String data = new String(handle.getData("/a", false, null), StandardCharsets.UTF_8);
					return data + zk.get("/a").dataAsString();
				}
				catch (KeeperException ex) {
					failures.add(ex.getClass());
					throw ex;
				}
			});
			assertThat(value).isEqualTo("AA");
			assertThat(attempts.get()).isGreaterThan(1);
			assertThat(failures).isNotEmpty().allMatch(KeeperException.SessionExpiredException.class::equals);
			assertThat(client.getZookeeperClient().getZooKeeper().getSessionId()).isNotEqualTo(firstSession);
		}
		finally {
			client.close();
		}
	}

	@Test
	void thePolicyDecidesWhichFailuresAreRetried() throws Exception {
		this.template.create("/a", bytes("A"));
		CuratorFramework client = newClient(new RetryNTimes(0, 0), 1000);
		try {
			AtomicInteger attempts = new AtomicInteger();
			ZkRetry retry = ZkRetry.of(new RetryNTimes(5, 1) {
				@Override
				public boolean allowRetry(Throwable exception) {
					return !(exception instanceof KeeperException.SessionExpiredException)
							&& super.allowRetry(exception);
				}
			});
			assertThatExceptionOfType(ZkSessionExpiredException.class).isThrownBy(() -> retry.call(() -> {
				attempts.incrementAndGet();
				ZooKeeper handle = client.getZookeeperClient().getZooKeeper();
				handle.getTestable().injectSessionExpiration();
				return handle.getData("/a", false, null);
			})).satisfies((ex) -> assertThat(ex.getPath()).isEqualTo("/a"));
			assertThat(attempts.get()).isEqualTo(1);
		}
		finally {
			client.close();
		}
	}

	@Test
	void theFunctionRunsAsOftenAsTheClientsPolicyAllowsAndItsCallsAreNotRetriedAgain() throws Exception {
		CountingPolicy policy = new CountingPolicy(new RetryNTimes(2, 1));
		CuratorFramework client = newClient(ZkRetry.forClient(policy), 200);
		try {
			ZkTemplate zk = new ZkTemplate(client);
			server.stop();
			AtomicInteger runs = new AtomicInteger();
			assertThatExceptionOfType(ZkConnectionLossException.class).isThrownBy(() -> zk.retry(() -> {
				runs.incrementAndGet();
				return zk.exists("/a");
			}));
			assertThat(runs).hasValue(3);
			assertThat(policy.asked).hasValue(3);
			policy.asked.set(0);
			assertThatExceptionOfType(ZkConnectionLossException.class).isThrownBy(() -> zk.exists("/a"));
			assertThat(policy.asked).as("a call outside a retry is retried by Curator").hasValue(3);
		}
		finally {
			server.restart();
			client.close();
		}
	}

	@Test
	void aRetryInsideAnotherRunsItsFunctionOnce() {
		AtomicInteger inner = new AtomicInteger();
		AtomicInteger outer = new AtomicInteger();
		ZkRetry three = ZkRetry.of(new RetryNTimes(2, 1));
		assertThatExceptionOfType(ZkConnectionLossException.class).isThrownBy(() -> three.run(() -> {
			outer.incrementAndGet();
			three.run(() -> {
				inner.incrementAndGet();
				throw KeeperException.create(KeeperException.Code.CONNECTIONLOSS);
			});
		}));
		assertThat(outer).hasValue(3);
		assertThat(inner).hasValue(3);
	}

	@Test
	void otherFailuresAreNotRetried() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatExceptionOfType(ZkNoNodeException.class).isThrownBy(() -> this.template.retry(() -> {
			attempts.incrementAndGet();
			return this.template.get("/missing");
		}));
		assertThat(attempts.get()).isEqualTo(1);
		IllegalStateException bug = new IllegalStateException("bug");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.quick.run(() -> {
			throw bug;
		})).isSameAs(bug);
	}

	@Test
	void thePolicyBoundsTheRetries() {
		AtomicInteger attempts = new AtomicInteger();
		ZkRetry threeTries = ZkRetry.of(new RetryNTimes(2, 1));
		assertThatExceptionOfType(ZkConnectionLossException.class).isThrownBy(() -> threeTries.run(() -> {
			attempts.incrementAndGet();
			throw KeeperException.create(KeeperException.Code.CONNECTIONLOSS);
		}));
		assertThat(attempts.get()).isEqualTo(3);

		attempts.set(0);
		ZkRetry elapsed = ZkRetry.of(new RetryUntilElapsed(150, 40));
		long start = System.nanoTime();
		assertThatExceptionOfType(ZkOperationTimeoutException.class).isThrownBy(() -> elapsed.run(() -> {
			attempts.incrementAndGet();
			throw KeeperException.create(KeeperException.Code.OPERATIONTIMEOUT);
		}));
		assertThat(attempts.get()).isBetween(2, 6);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
	}

	/**
	 * A policy that counts how often the test's thread asks it for another try (Curator's own
	 * background work may ask it too).
	 */
	static final class CountingPolicy implements RetryPolicy {

		final AtomicInteger asked = new AtomicInteger();

		private final RetryPolicy policy;

		private final Thread thread = Thread.currentThread();

		CountingPolicy(RetryPolicy policy) {
			this.policy = policy;
		}

		@Override
		public boolean allowRetry(int retryCount, long elapsedTimeMs, RetrySleeper sleeper) {
			if (Thread.currentThread() == this.thread) {
				this.asked.incrementAndGet();
			}
			return this.policy.allowRetry(retryCount, elapsedTimeMs, sleeper);
		}

	}

}
