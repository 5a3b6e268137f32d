package io.zkboot.coordination.recipe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Queues and locking queues on kazoo's layouts: order by priority, consumers in several clients
 * taking every item once, timeouts, and a consumer whose session expires.
 */
class ZkQueueTests {

	@RegisterExtension
	static RecipeServer zk = new RecipeServer();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void itemsComeByPriorityThenInOrderAndAreStoredAsKazooStoresThem() throws Exception {
		ZkQueue queue = zk.recipes("a").queue("/queues/plain");
		queue.put(bytes("first"));
		queue.put(bytes("urgent"), 5);
		queue.put(bytes("second"));
		queue.put(bytes("late"), 999);
		assertThat(queue.size()).isEqualTo(4);
		assertThat(zk.newClient().getChildren().forPath("/queues/plain")).containsExactlyInAnyOrder(
				"entry-100-0000000000", "entry-005-0000000001", "entry-100-0000000002", "entry-999-0000000003");
		assertThat(List.of(text(queue.poll()), text(queue.poll()), text(queue.poll()), text(queue.poll())))
			.containsExactly("urgent", "first", "second", "late");
		assertThat(queue.poll()).isNull();
		assertThatThrownBy(() -> queue.put(bytes("x"), 1000)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void consumersInThreeClientsTakeEveryItemExactlyOnce() throws Exception {
		ZkQueue producer = zk.recipes("p").queue("/queues/shared");
		Set<String> taken = ConcurrentHashMap.newKeySet();
		List<Future<Integer>> consumers = new ArrayList<>();
		for (int c = 0; c < 3; c++) {
			ZkQueue queue = zk.recipes("c" + c).queue("/queues/shared");
			consumers.add(this.threads.submit(() -> {
				int count = 0;
				byte[] item;
				while ((item = queue.poll(Duration.ofMillis(500))) != null) {
					assertThat(taken.add(text(item))).as("taken once").isTrue();
					count++;
				}
				return count;
			}));
		}
		for (int i = 0; i < 150; i++) {
			producer.put(bytes("item-" + i));
		}
		int total = 0;
		for (Future<Integer> consumer : consumers) {
			total += consumer.get(30, TimeUnit.SECONDS);
		}
		assertThat(total).isEqualTo(150);
		assertThat(taken).hasSize(150);
	}

	@Test
	void aWaitingPollTakesTheNextPutAndTimesOutWithoutOne() throws Exception {
		ZkQueue queue = zk.recipes("a").queue("/queues/wait");
		long start = System.nanoTime();
		assertThat(queue.poll(Duration.ofMillis(200))).isNull();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		Future<byte[]> waiting = this.threads.submit(() -> queue.poll(RecipeServer.WAIT));
		zk.recipes("b").queue("/queues/wait").put(bytes("hello"));
		assertThat(text(waiting.get(10, TimeUnit.SECONDS))).isEqualTo("hello");
	}

	@Test
	void aLockingQueueItemIsConsumedOrReleasedAndStoredAsKazooStoresIt() throws Exception {
		ZkLockingQueue queue = zk.recipes("a").lockingQueue("/queues/locking");
		ZkLockingQueue other = zk.recipes("b").lockingQueue("/queues/locking");
		queue.putAll(List.of(bytes("one"), bytes("two")), 100);
		queue.put(bytes("zero"), 1);
		assertThat(queue.size()).isEqualTo(3);
		CuratorFramework client = zk.newClient();
		ZkLockingQueue.Item zero = queue.take(RecipeServer.WAIT);
		assertThat(text(zero.value())).isEqualTo("zero");
		assertThat(zero.name()).matches("entry-001-\\d{10}");
		assertThat(new String(client.getData().forPath("/queues/locking/taken/" + zero.name()))).matches("[0-9a-f]{32}");
		ZkLockingQueue.Item one = other.take(RecipeServer.WAIT);
		assertThat(text(one.value())).as("a taken item is skipped").isEqualTo("one");
		assertThat(one.release()).isTrue();
		assertThat(one.isHeld()).isFalse();
		assertThat(text(other.take(RecipeServer.WAIT).value())).as("a released item comes back").isEqualTo("one");
		assertThat(zero.consume()).isTrue();
		assertThat(zero.consume()).isFalse();
		assertThat(queue.size()).isEqualTo(2);
		ZkLockingQueue.Item two = queue.take(RecipeServer.WAIT);
		assertThat(text(two.value())).isEqualTo("two");
		assertThat(queue.take(Duration.ofMillis(200))).as("all taken").isNull();
	}

	@Test
	void theItemOfAConsumerWhoseSessionExpiresGoesToAnother() throws Exception {
		CuratorFramework doomedClient = zk.newClient();
		ZkLockingQueue doomed = new ZkRecipes(RecipeServer.locks(doomedClient, "doomed"), null).lockingQueue("/queues/expiry");
		ZkLockingQueue survivor = zk.recipes("survivor").lockingQueue("/queues/expiry");
		doomed.put(bytes("job"));
		ZkLockingQueue.Item held = doomed.take(RecipeServer.WAIT);
		Future<ZkLockingQueue.Item> waiting = this.threads.submit(() -> survivor.take(RecipeServer.WAIT));
		zk.expire(doomedClient);
		ZkLockingQueue.Item retaken = waiting.get(10, TimeUnit.SECONDS);
		assertThat(text(retaken.value())).isEqualTo("job");
		assertThat(held.isHeld()).isFalse();
		assertThat(held.consume()).as("the expired consumer cannot consume it").isFalse();
		assertThat(retaken.consume()).isTrue();
		assertThat(survivor.size()).isZero();
	}

	@Test
	void takersInThreeClientsTakeEveryItemExactlyOnce() throws Exception {
		ZkLockingQueue producer = zk.recipes("p").lockingQueue("/queues/lshared");
		Set<String> taken = ConcurrentHashMap.newKeySet();
		List<Future<Integer>> consumers = new ArrayList<>();
		for (int c = 0; c < 3; c++) {
			ZkLockingQueue queue = zk.recipes("c" + c).lockingQueue("/queues/lshared");
			consumers.add(this.threads.submit(() -> {
				int count = 0;
				ZkLockingQueue.Item item;
				while ((item = queue.take(Duration.ofMillis(500))) != null) {
					assertThat(taken.add(text(item.value()))).as("taken once").isTrue();
					assertThat(item.consume()).isTrue();
					count++;
				}
				return count;
			}));
		}
		for (int i = 0; i < 60; i++) {
			producer.put(bytes("item-" + i));
		}
		int total = 0;
		for (Future<Integer> consumer : consumers) {
			total += consumer.get(30, TimeUnit.SECONDS);
		}
		assertThat(total).isEqualTo(60);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] data) {
		return (data != null) ? new String(data, StandardCharsets.UTF_8) : null;
	}

}
