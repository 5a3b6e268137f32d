package io.zkboot.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.zkboot.coordination.recipe.ZkCounter;
import io.zkboot.coordination.recipe.ZkQueue;
import io.micrometer.observation.ObservationRegistry;
import io.zkboot.coordination.ZkLocks;
import io.zkboot.coordination.recipe.ZkRecipes;
import io.zkboot.core.DeleteOptions;
import io.zkboot.core.ZkTemplate;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.queue.DistributedQueue;
import org.apache.curator.framework.recipes.queue.QueueBuilder;
import org.apache.curator.framework.recipes.queue.QueueConsumer;
import org.apache.curator.framework.recipes.queue.QueueSerializer;
import org.apache.curator.framework.recipes.shared.SharedCount;
import org.apache.curator.framework.recipes.shared.VersionedValue;
import org.apache.curator.framework.state.ConnectionState;

/**
 * kazoo's recipes from {@link ZkRecipes} against Curator's nearest recipes on the same session:
 * counter increments (ours: read value and version, write at that version; Curator's
 * {@link SharedCount}: a {@code trySetCount} loop on its cached versioned value) and queue put then
 * take (ours: {@link ZkQueue#put} then {@link ZkQueue#poll()}; Curator's {@link DistributedQueue}:
 * {@code put}, then its consumer's delivery, one item at a time). One client, uncontended, the
 * subjects take turns, 2 warm-up runs.
 */
final class RecipesBenchmark implements Benchmark {

	private static final int INCREMENTS = 500;

	private static final int ITEMS = 300;

	private static final int WARMUPS = 2;

	private static final byte[] ITEM = "{\"job\":42}".getBytes(StandardCharsets.UTF_8);

	@Override
	public String name() {
		return "recipes";
	}

	@Override
	public List<Result> run(BenchmarkContext context) throws Exception {
		CuratorFramework client = context.client();
		ZkRecipes recipes = new ZkRecipes(new ZkLocks(client, "bench", (event) -> {
		}, ObservationRegistry.NOOP, false), null);
		ZkCounter counter = recipes.counter("/bench-recipes/counter");
		ZkQueue queue = recipes.queue("/bench-recipes/queue");
		BlockingQueue<byte[]> delivered = new LinkedBlockingQueue<>();
		QueueConsumer<byte[]> consumer = new QueueConsumer<>() {
			@Override
			public void consumeMessage(byte[] message) {
				delivered.add(message);
			}

			@Override
			public void stateChanged(CuratorFramework c, ConnectionState state) {
			}
		};
		QueueSerializer<byte[]> bytes = new QueueSerializer<>() {
			@Override
			public byte[] serialize(byte[] item) {
				return item;
			}

			@Override
			public byte[] deserialize(byte[] bytes) {
				return bytes;
			}
		};
		BestTimes ours = new BestTimes();
		BestTimes curators = new BestTimes();
		try (SharedCount shared = new SharedCount(client, "/bench-recipes/shared", 0);
				DistributedQueue<byte[]> curatorQueue = QueueBuilder
					.builder(client, consumer, bytes, "/bench-recipes/curator-queue")
					.buildQueue()) {
			shared.start();
			curatorQueue.start();
			for (int run = 0; run < WARMUPS + context.runs(); run++) {
				boolean measured = run >= WARMUPS;
				boolean oursFirst = run % 2 == 0;
				for (int turn = 0; turn < 2; turn++) {
					if ((turn == 0) == oursFirst) {
						ours.record("counter", measured, () -> {
							for (int i = 0; i < INCREMENTS; i++) {
								counter.add(1);
							}
						});
						ours.record("queue", measured, () -> {
							for (int i = 0; i < ITEMS; i++) {
								queue.put(ITEM);
								if (queue.poll() == null) {
									throw new IllegalStateException("ZkQueue lost an item");
								}
							}
						});
					}
					else {
						curators.record("counter", measured, () -> {
							for (int i = 0; i < INCREMENTS; i++) {
								VersionedValue<Integer> value;
								do {
									value = shared.getVersionedValue();
								}
								while (!shared.trySetCount(value, value.getValue() + 1));
							}
						});
						curators.record("queue", measured, () -> {
							for (int i = 0; i < ITEMS; i++) {
								curatorQueue.put(ITEM);
								if (delivered.poll(10, TimeUnit.SECONDS) == null) {
									throw new IllegalStateException("DistributedQueue delivered nothing in 10 s");
								}
							}
						});
					}
				}
			}
		}
		new ZkTemplate(client).deleteRecursive("/bench-recipes", DeleteOptions.defaults().withForce());
		List<Result> results = new ArrayList<>();
		double counterBaseline = curators.millis("counter");
		results.add(new Result(name(), "counter increment", "Curator SharedCount.trySetCount", INCREMENTS,
				counterBaseline, 0));
		results.add(new Result(name(), "counter increment", "ZkCounter.add", INCREMENTS, ours.millis("counter"),
				counterBaseline));
		double queueBaseline = curators.millis("queue");
		results.add(new Result(name(), "queue put + take", "Curator DistributedQueue", ITEMS, queueBaseline, 0));
		results.add(new Result(name(), "queue put + take", "ZkQueue put + poll", ITEMS, ours.millis("queue"),
				queueBaseline));
		return results;
	}

}
