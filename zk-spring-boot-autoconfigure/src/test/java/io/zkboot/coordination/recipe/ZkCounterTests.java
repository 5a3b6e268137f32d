package io.zkboot.coordination.recipe;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.zkboot.core.ZkException;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Counters on kazoo's layout: atomic additions from several clients and threads, the text form,
 * the live value, and a session expiry.
 */
class ZkCounterTests {

	@RegisterExtension
	static RecipeServer zk = new RecipeServer();

	@Test
	void additionsFromSixThreadsInThreeClientsAreNeverLost() throws Exception {
		List<ZkCounter> counters = List.of(zk.recipes("a").counter("/counters/hits"),
				zk.recipes("b").counter("/counters/hits"), zk.recipes("c").counter("/counters/hits"));
		Set<Long> posts = ConcurrentHashMap.newKeySet();
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			List<Future<?>> done = new CopyOnWriteArrayList<>();
			for (int t = 0; t < 6; t++) {
				ZkCounter counter = counters.get(t % 3);
				done.add(threads.submit(() -> {
					for (int i = 0; i < 40; i++) {
						ZkCounter.Change change = counter.add(1);
						assertThat(change.post()).isEqualTo(change.pre() + 1);
						posts.add(change.post());
					}
					return null;
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(counters.get(0).get()).isEqualTo(240);
		assertThat(posts).hasSize(240);
	}

	@Test
	void valuesAreStoredAsKazoosTextForms() throws Exception {
		ZkRecipes recipes = zk.recipes("a");
		CuratorFramework client = zk.newClient();
		ZkCounter ints = recipes.counter("/counters/ints");
		assertThat(ints.get()).isZero();
		assertThat(client.getData().forPath("/counters/ints")).isEmpty();
		assertThat(ints.add(42)).isEqualTo(new ZkCounter.Change(0, 42));
		assertThat(ints.add(-50)).isEqualTo(new ZkCounter.Change(42, -8));
		assertThat(text(client, "/counters/ints")).isEqualTo("-8");
		ZkFloatCounter floats = recipes.floatCounter("/counters/floats");
		assertThat(floats.add(3.0).post()).isEqualTo(3.0);
		assertThat(text(client, "/counters/floats")).isEqualTo("3.0");
		floats.add(0.1);
		assertThat(text(client, "/counters/floats")).isEqualTo("3.1");
		floats.add(1e16);
		// what Python prints for repr(3.1 + 1e16)
		assertThat(text(client, "/counters/floats")).isEqualTo("1.0000000000000004e+16");
		client.setData().forPath("/counters/floats", "inf".getBytes(StandardCharsets.US_ASCII));
		assertThat(floats.get()).isInfinite();
	}

	@Test
	void aNodeHoldingNoNumberFailsNamingThePath() throws Exception {
		CuratorFramework client = zk.newClient();
		client.create().creatingParentsIfNeeded().forPath("/counters/bad", "3.5".getBytes(StandardCharsets.US_ASCII));
		assertThatThrownBy(() -> new ZkRecipes(RecipeServer.locks(client, "a"), null).counter("/counters/bad").add(1))
			.isInstanceOf(ZkException.class)
			.hasMessageContaining("/counters/bad")
			.hasMessageContaining("'3.5'");
	}

	@Test
	void theLiveValueFollowsEveryChangeAndSurvivesASessionExpiry() throws Exception {
		CuratorFramework watching = zk.newClient();
		ZkCounter seen = new ZkRecipes(RecipeServer.locks(watching, "a"), null).counter("/counters/live");
		ZkCounter other = zk.recipes("b").counter("/counters/live");
		List<Long> values = new CopyOnWriteArrayList<>();
		try (ZkSubscription subscription = seen.onChange(values::add)) {
			await().atMost(RecipeServer.WAIT).until(() -> values.contains(0L));
			other.add(5);
			await().atMost(RecipeServer.WAIT).until(() -> values.contains(5L));
			zk.expire(watching);
			other.add(2);
			await().atMost(RecipeServer.WAIT).until(() -> values.contains(7L));
			assertThat(seen.add(1).post()).isEqualTo(8);
			await().atMost(RecipeServer.WAIT).until(() -> values.contains(8L));
		}
		assertThat(values).startsWith(0L, 5L).endsWith(7L, 8L).doesNotHaveDuplicates();
	}

	private static String text(CuratorFramework client, String path) throws Exception {
		return new String(client.getData().forPath(path), StandardCharsets.US_ASCII);
	}

}
