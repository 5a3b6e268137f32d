package io.zkboot.coordination.recipe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.zkboot.core.ZkSessionExpiredException;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Barriers and double barriers on kazoo's layout: waiters in several clients, timeouts, and a
 * participant whose session expires.
 */
class ZkBarrierTests {

	@RegisterExtension
	static RecipeServer zk = new RecipeServer();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void waitersInThreeClientsPassWhenTheBarrierIsRemoved() throws Exception {
		ZkBarrier coordinator = zk.recipes("c").barrier("/gates/one");
		coordinator.create();
		assertThat(coordinator.isPresent()).isTrue();
		List<Future<Boolean>> waiters = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ZkBarrier barrier = zk.recipes("w" + i).barrier("/gates/one");
			waiters.add(this.threads.submit(() -> barrier.await(RecipeServer.WAIT)));
		}
		assertThat(zk.recipes("x").barrier("/gates/one").await(Duration.ofMillis(200))).as("times out").isFalse();
		assertThat(waiters).noneMatch(Future::isDone);
		assertThat(coordinator.remove()).isTrue();
		for (Future<Boolean> waiter : waiters) {
			assertThat(waiter.get(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(coordinator.remove()).as("nothing left to remove").isFalse();
		assertThat(coordinator.await(Duration.ZERO)).as("an absent barrier does not hold").isTrue();
	}

	@Test
	void threeParticipantsEnterTogetherAndLeaveTogether() throws Exception {
		AtomicInteger inside = new AtomicInteger();
		CountDownLatch twoWaiting = new CountDownLatch(2);
		List<Future<Integer>> seenInside = new ArrayList<>();
		List<ZkDoubleBarrier> barriers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			barriers.add(zk.recipes("p" + i).doubleBarrier("/rounds/r1", 3));
		}
		for (int i = 0; i < 2; i++) {
			ZkDoubleBarrier barrier = barriers.get(i);
			seenInside.add(this.threads.submit(() -> {
				twoWaiting.countDown();
				assertThat(barrier.enter(RecipeServer.WAIT)).isTrue();
				int count = inside.incrementAndGet();
				assertThat(barrier.leave(RecipeServer.WAIT)).isTrue();
				return count;
			}));
		}
		twoWaiting.await();
		CuratorFramework observer = zk.newClient();
		await().atMost(RecipeServer.WAIT).until(() -> children(observer, "/rounds/r1") == 2);
		assertThat(inside).as("nobody passes before the third enters").hasValue(0);
		assertThat(barriers.get(2).enter(RecipeServer.WAIT)).isTrue();
		inside.incrementAndGet();
		assertThat(barriers.get(2).leave(RecipeServer.WAIT)).isTrue();
		for (Future<Integer> future : seenInside) {
			assertThat(future.get(10, TimeUnit.SECONDS)).isBetween(1, 3);
		}
		assertThat(children(observer, "/rounds/r1")).as("everybody left, ready deleted").isZero();
	}

	@Test
	void anEnterThatTimesOutRemovesItsNode() throws Exception {
		ZkDoubleBarrier barrier = zk.recipes("lonely").doubleBarrier("/rounds/r2", 2);
		long start = System.nanoTime();
		assertThat(barrier.enter(Duration.ofMillis(300))).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(children(zk.newClient(), "/rounds/r2")).isZero();
	}

	@Test
	void aParticipantWhoseSessionExpiresIsToldAndNoLongerCounted() throws Exception {
		CuratorFramework doomedClient = zk.newClient();
		ZkDoubleBarrier doomed = new ZkRecipes(RecipeServer.locks(doomedClient, "doomed"), null).doubleBarrier("/rounds/r3", 3);
		CompletableFuture<Throwable> doomedOutcome = new CompletableFuture<>();
		this.threads.execute(() -> {
			try {
				doomed.enter(RecipeServer.WAIT);
				doomedOutcome.complete(null);
			}
			catch (Throwable ex) {
				doomedOutcome.complete(ex);
			}
		});
		ZkDoubleBarrier second = zk.recipes("second").doubleBarrier("/rounds/r3", 3);
		Future<Boolean> secondEntered = this.threads.submit(() -> second.enter(RecipeServer.WAIT));
		CuratorFramework observer = zk.newClient();
		await().atMost(RecipeServer.WAIT).until(() -> children(observer, "/rounds/r3") == 2);
		zk.expire(doomedClient);
		assertThat(doomedOutcome.get(10, TimeUnit.SECONDS)).isInstanceOf(ZkSessionExpiredException.class)
			.hasMessageContaining("/rounds/r3");
		assertThat(children(observer, "/rounds/r3")).as("only the second is counted").isEqualTo(1);
		ZkDoubleBarrier third = zk.recipes("third").doubleBarrier("/rounds/r3", 3);
		Future<Boolean> thirdEntered = this.threads.submit(() -> third.enter(RecipeServer.WAIT));
		await().atMost(RecipeServer.WAIT).until(() -> children(observer, "/rounds/r3") == 2);
		assertThat(secondEntered.isDone()).as("two of three do not pass").isFalse();
		assertThat(zk.recipes("fourth").doubleBarrier("/rounds/r3", 3).enter(RecipeServer.WAIT)).isTrue();
		assertThat(secondEntered.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(thirdEntered.get(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aCountBelowOneIsRefused() throws Exception {
		ZkRecipes recipes = zk.recipes("x");
		assertThatThrownBy(() -> recipes.doubleBarrier("/rounds/bad", 0)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("/rounds/bad");
	}

	private static int children(CuratorFramework client, String path) throws Exception {
		return (client.checkExists().forPath(path) != null) ? client.getChildren().forPath(path).size() : 0;
	}

}
