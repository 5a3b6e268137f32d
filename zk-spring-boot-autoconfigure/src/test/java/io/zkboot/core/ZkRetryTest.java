package io.zkboot.core;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.retry.RetryNTimes;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ZkRetryTest extends ZkServerSupport {

	private final ZkRetry quick = ZkRetry.builder()
		.maxTries(50)
		.backoff(Duration.ofMillis(50), Duration.ofMillis(400))
		.deadline(Duration.ofSeconds(30))
		.build();

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
	void aSessionExpiryIsNotRetriedWhenSoConfigured() throws Exception {
		this.template.create("/a", bytes("A"));
		CuratorFramework client = newClient(new RetryNTimes(0, 0), 1000);
		try {
			AtomicInteger attempts = new AtomicInteger();
			ZkRetry retry = ZkRetry.builder().retrySessionExpiry(false).build();
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
	void triesAndDeadlineBoundTheRetries() {
		AtomicInteger attempts = new AtomicInteger();
		ZkRetry threeTries = ZkRetry.builder().maxTries(3).backoff(Duration.ofMillis(1), Duration.ofMillis(1)).build();
		assertThatExceptionOfType(ZkConnectionLossException.class).isThrownBy(() -> threeTries.run(() -> {
			attempts.incrementAndGet();
			throw KeeperException.create(KeeperException.Code.CONNECTIONLOSS);
		}));
		assertThat(attempts.get()).isEqualTo(3);

		attempts.set(0);
		ZkRetry deadline = ZkRetry.builder()
			.maxTries(1000)
			.backoff(Duration.ofMillis(40), Duration.ofMillis(40))
			.jitter(0)
			.deadline(Duration.ofMillis(150))
			.build();
		long start = System.nanoTime();
		assertThatExceptionOfType(ZkOperationTimeoutException.class).isThrownBy(() -> deadline.run(() -> {
			attempts.incrementAndGet();
			throw KeeperException.create(KeeperException.Code.OPERATIONTIMEOUT);
		}));
		assertThat(attempts.get()).isBetween(2, 4);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
	}

}
