package io.zkboot.coordination.recipe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The set partitioner on kazoo's layout: three members divide the set as kazoo divides it, take it
 * over when one leaves or its session expires, and tell every change of their share.
 */
class ZkSetPartitionerTests {

	@RegisterExtension
	static RecipeServer zk = new RecipeServer();

	private static final List<String> ITEMS = List.of("f", "a", "c", "b", "e", "d", "g");

	private final List<ZkSetPartitioner> partitioners = new ArrayList<>();

	@AfterEach
	void close() {
		this.partitioners.forEach(ZkSetPartitioner::close);
	}

	private ZkSetPartitioner start(CuratorFramework client, String path, String id, List<ZkPartitionChangedEvent> events) {
		ZkSetPartitioner partitioner = new ZkRecipes(RecipeServer.locks(client, id), (event) -> events.add((ZkPartitionChangedEvent) event))
			.partitioner(path, ITEMS)
			.timeBoundary(Duration.ofMillis(300))
			.maxReactionTime(Duration.ofMillis(200));
		this.partitioners.add(partitioner);
		return partitioner.start();
	}

	@Test
	void threeMembersDivideTheSetAsKazooDoesAndRedivideWhenOneLeaves() throws Exception {
		List<ZkPartitionChangedEvent> events = new CopyOnWriteArrayList<>();
		ZkSetPartitioner a = start(zk.newClient(), "/work", "a", events);
		ZkSetPartitioner b = start(zk.newClient(), "/work", "b", events);
		ZkSetPartitioner c = start(zk.newClient(), "/work", "c", events);
		await().atMost(RecipeServer.WAIT)
			.until(() -> Stream.of(a, b, c).allMatch((p) -> p.state() == ZkSetPartitioner.State.ACQUIRED)
					&& a.share().size() + b.share().size() + c.share().size() == 7);
		assertThat(a.share()).containsExactly("a", "d", "g");
		assertThat(b.share()).containsExactly("b", "e");
		assertThat(c.share()).containsExactly("c", "f");
		CuratorFramework client = zk.newClient();
		assertThat(client.getChildren().forPath("/work")).containsExactlyInAnyOrder("party", "locks");
		assertThat(client.getChildren().forPath("/work/party")).hasSize(3)
			.allMatch((name) -> name.matches("[0-9a-f]{32}-[abc]"));
		List<String> contenders = client.getChildren().forPath("/work/locks/d");
		assertThat(contenders).hasSize(1).allMatch((name) -> name.matches("[0-9a-f]{32}__lock__\\d{10}"));
		assertThat(client.getData().forPath("/work/locks/d/" + contenders.get(0))).isEmpty();
		assertThat(c.awaitAcquired(Duration.ZERO)).isTrue();

		c.close();
		assertThat(c.state()).isEqualTo(ZkSetPartitioner.State.FAILURE);
		await().atMost(RecipeServer.WAIT)
			.until(() -> a.share().equals(List.of("a", "c", "e", "g")) && b.share().equals(List.of("b", "d", "f")));
		assertThat(events).filteredOn((e) -> e.getIdentifier().equals("c")).extracting(ZkPartitionChangedEvent::getShare)
			.containsExactly(List.of("c", "f"), List.of());
		assertThat(events).filteredOn((e) -> e.getIdentifier().equals("a"))
			.extracting(ZkPartitionChangedEvent::getState)
			.containsExactly(ZkSetPartitioner.State.ACQUIRED, ZkSetPartitioner.State.RELEASE,
					ZkSetPartitioner.State.ACQUIRED);
	}

	@Test
	void aMemberWhoseSessionExpiresFailsAndTheOthersTakeOverItsShare() throws Exception {
		List<ZkPartitionChangedEvent> events = new CopyOnWriteArrayList<>();
		List<ZkPartitionChangedEvent> told = new CopyOnWriteArrayList<>();
		CuratorFramework doomedClient = zk.newClient();
		ZkSetPartitioner doomed = start(doomedClient, "/expiry", "a", events);
		doomed.onChange(told::add);
		ZkSetPartitioner survivor = start(zk.newClient(), "/expiry", "b", events);
		assertThat(doomed.awaitAcquired(RecipeServer.WAIT)).isTrue();
		assertThat(survivor.awaitAcquired(RecipeServer.WAIT)).isTrue();
		await().atMost(RecipeServer.WAIT).until(() -> doomed.share().size() + survivor.share().size() == 7);
		zk.expire(doomedClient);
		await().atMost(RecipeServer.WAIT).until(() -> doomed.state() == ZkSetPartitioner.State.FAILURE);
		assertThat(doomed.share()).isEmpty();
		await().atMost(RecipeServer.WAIT).until(() -> survivor.share().equals(ITEMS.stream().sorted().toList()));
		// the share is given up once: on SUSPENDED (RELEASE) or, if that came too late, on LOST (FAILURE)
		assertThat(told).hasSize(2).first().extracting(ZkPartitionChangedEvent::getShare).isEqualTo(List.of("a", "c", "e", "g"));
		assertThat(told.get(1).getShare()).isEmpty();
		assertThat(told.get(1).getPreviousShare()).isEqualTo(List.of("a", "c", "e", "g"));
		assertThat(told.get(1).getState()).isIn(ZkSetPartitioner.State.RELEASE, ZkSetPartitioner.State.FAILURE);
		assertThat(doomed.awaitAcquired(Duration.ofMillis(10))).isFalse();
	}

}
