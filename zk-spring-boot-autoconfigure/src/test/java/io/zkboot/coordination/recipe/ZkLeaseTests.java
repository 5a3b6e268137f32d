package io.zkboot.coordination.recipe;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leases on kazoo's layout: kazoo's JSON, one holder among racing clients, renewal, expiry by the
 * clock, at most N holders, and a holder whose session expires.
 */
class ZkLeaseTests {

	@RegisterExtension
	static RecipeServer zk = new RecipeServer();

	private final MovableClock clock = new MovableClock(Instant.parse("2025-06-01T12:00:00.250Z"));

	@Test
	void theHolderIsWrittenAsKazoosJsonAndOthersWaitForItsEnd() throws Exception {
		CuratorFramework client = zk.newClient();
		ZkLease mine = new ZkRecipes(RecipeServer.locks(zk.newClient(), "host-a"), null, this.clock).lease("/leases/job",
				Duration.ofMinutes(70));
		ZkLease theirs = new ZkRecipes(RecipeServer.locks(zk.newClient(), "host-b"), null, this.clock).lease("/leases/job",
				Duration.ofMinutes(70));
		assertThat(mine.obtain()).isTrue();
		assertThat(new String(client.getData().forPath("/leases/job/lease_holder"), StandardCharsets.UTF_8))
			.isEqualTo("{\"version\": 1, \"holder\": \"host-a\", \"end\": \"2025-06-01T13:10:00\"}");
		assertThat(client.getChildren().forPath("/leases/job")).as("the lock's contender is gone")
			.containsExactly("lease_holder");
		assertThat(theirs.obtain()).isFalse();
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(mine.obtain()).as("the holder renews").isTrue();
		assertThat(mine.holder()).hasValue(new ZkLease.Holder("host-a", Instant.parse("2025-06-01T13:20:00Z")));
		this.clock.advance(Duration.ofMinutes(69));
		assertThat(theirs.obtain()).isFalse();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(theirs.obtain()).as("after the end").isTrue();
		assertThat(mine.obtain()).isFalse();
	}

	@Test
	void ofSixThreadsInThreeClientsOneObtainsTheLeaseAndAtMostTwoTheMultiLease() throws Exception {
		List<ZkRecipes> recipes = List.of(zk.recipes("x"), zk.recipes("y"), zk.recipes("z"));
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> single = new ArrayList<>();
			List<Future<Boolean>> multi = new ArrayList<>();
			for (int t = 0; t < 6; t++) {
				ZkLease lease = recipes.get(t % 3).lease("/leases/race", Duration.ofMinutes(5), "t" + t);
				ZkMultiLease multiLease = recipes.get(t % 3).multiLease("/leases/multi", 2, Duration.ofMinutes(5), "t" + t);
				single.add(threads.submit(() -> {
					start.await();
					return lease.obtain();
				}));
				multi.add(threads.submit(() -> {
					start.await();
					return multiLease.obtain();
				}));
			}
			start.countDown();
			assertThat(count(single)).isEqualTo(1);
			assertThat(count(multi)).isEqualTo(2);
		}
		finally {
			threads.shutdown();
		}
		assertThat(zk.newClient().getChildren().forPath("/leases/multi")).containsExactlyInAnyOrder("0", "1");
	}

	@Test
	void aLeaseOutlivesTheSessionOfItsHolderUntilItsEnd() throws Exception {
		CuratorFramework holderClient = zk.newClient();
		ZkLease held = new ZkRecipes(RecipeServer.locks(holderClient, "holder"), null, this.clock).lease("/leases/session",
				Duration.ofMinutes(1));
		assertThat(held.obtain()).isTrue();
		zk.expire(holderClient);
		ZkLease other = new ZkRecipes(RecipeServer.locks(zk.newClient(), "other"), null, this.clock).lease("/leases/session",
				Duration.ofMinutes(1));
		assertThat(other.obtain()).as("time-based, as kazoo's").isFalse();
		assertThat(held.obtain()).as("renewed from the new session").isTrue();
	}

	@Test
	void aHolderOfAnotherFormatVersionIsLeftAlone() throws Exception {
		CuratorFramework client = zk.newClient();
		client.create().creatingParentsIfNeeded().forPath("/leases/future/lease_holder",
				"{\"version\": 2, \"holder\": \"new\", \"end\": \"2000-01-01T00:00:00\"}".getBytes(StandardCharsets.UTF_8));
		ZkLease lease = new ZkRecipes(RecipeServer.locks(client, "old"), null, this.clock).lease("/leases/future", Duration.ofMinutes(1));
		assertThat(lease.obtain()).isFalse();
		assertThat(lease.holder()).isEmpty();
	}

	private static long count(List<Future<Boolean>> outcomes) throws Exception {
		long obtained = 0;
		for (Future<Boolean> outcome : outcomes) {
			obtained += outcome.get() ? 1 : 0;
		}
		return obtained;
	}

	/** A clock the test moves. */
	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
