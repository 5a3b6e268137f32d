package io.zkboot.coordination.recipe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Parties and shallow parties on kazoo's layouts: members of several clients, the live view and
 * its events, and a member whose session expires.
 */
class ZkPartyTests {

	@RegisterExtension
	static RecipeServer zk = new RecipeServer();

	@Test
	void membersOfThreeClientsAreListedAndStoredAsKazooStoresThem() throws Exception {
		ZkParty a = zk.recipes("worker-a").party("/workers");
		ZkParty b = zk.recipes("worker-b").party("/workers");
		ZkParty c = zk.recipes("x").party("/workers", "worker-c");
		a.join();
		b.join();
		c.join();
		a.join();
		assertThat(a.members()).containsExactlyInAnyOrder("worker-a", "worker-b", "worker-c");
		assertThat(c.size()).isEqualTo(3);
		CuratorFramework client = zk.newClient();
		List<String> nodes = client.getChildren().forPath("/workers");
		assertThat(nodes).hasSize(3).allMatch((name) -> name.matches("[0-9a-f]{32}__party__"));
		assertThat(nodes.stream().map((name) -> data(client, "/workers/" + name)))
			.containsExactlyInAnyOrder("worker-a", "worker-b", "worker-c");
		client.create().forPath("/workers/not-a-member", "intruder".getBytes());
		assertThat(b.leave()).isTrue();
		assertThat(b.leave()).isFalse();
		assertThat(a.members()).containsExactlyInAnyOrder("worker-a", "worker-c");
		assertThat(b.isParticipating()).isFalse();
	}

	@Test
	void aShallowPartyKeepsTheIdentifierInTheNodeName() throws Exception {
		ZkParty a = zk.recipes("a").shallowParty("/shallow", "10.0.0.1-8080");
		ZkParty b = zk.recipes("b").shallowParty("/shallow");
		a.join();
		b.join();
		assertThat(b.members()).containsExactlyInAnyOrder("10.0.0.1-8080", "b");
		assertThat(zk.newClient().getChildren().forPath("/shallow"))
			.allMatch((name) -> name.matches("[0-9a-f]{32}-(10\\.0\\.0\\.1-8080|b)"));
		assertThatThrownBy(() -> zk.recipes("c").shallowParty("/shallow", "a/b"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("a/b");
	}

	@Test
	void theLiveViewAndItsEventsFollowJoinsLeavesAndASessionExpiry() throws Exception {
		List<ZkPartyChangedEvent> events = new CopyOnWriteArrayList<>();
		CuratorFramework watchingClient = zk.newClient();
		ZkParty watching = new ZkRecipes(RecipeServer.locks(watchingClient, "watcher"), (event) -> events.add((ZkPartyChangedEvent) event))
			.party("/live");
		List<List<String>> views = new CopyOnWriteArrayList<>();
		CuratorFramework doomedClient = zk.newClient();
		ZkParty doomed = new ZkRecipes(RecipeServer.locks(doomedClient, "doomed"), null).party("/live");
		ZkParty survivor = zk.recipes("survivor").party("/live");
		watching.join();
		try (ZkSubscription view = watching.onChange(views::add); ZkSubscription published = watching.publishEvents()) {
			await().atMost(RecipeServer.WAIT).until(() -> views.contains(List.of("watcher")));
			doomed.join();
			survivor.join();
			await().atMost(RecipeServer.WAIT).until(() -> !views.isEmpty() && views.get(views.size() - 1).size() == 3);
			zk.expire(doomedClient);
			assertThat(doomed.isParticipating()).as("the expired member learns it").isFalse();
			await().atMost(RecipeServer.WAIT)
				.until(() -> views.get(views.size() - 1).stream().sorted().toList().equals(List.of("survivor", "watcher")));
			assertThat(doomed.members()).as("not joined again behind its back").doesNotContain("doomed");
			await().atMost(RecipeServer.WAIT).until(() -> events.size() == views.size());
		}
		assertThat(events).allMatch((event) -> event.getPath().equals("/live") && event.isParticipating());
		assertThat(events.get(events.size() - 1).getMembers()).containsExactlyInAnyOrder("survivor", "watcher");
		assertThat(events.get(0).getParty()).isSameAs(watching);
	}

	@Test
	void eventsNeedAPublisher() throws Exception {
		ZkParty party = zk.recipes("a").party("/quiet");
		assertThatThrownBy(party::publishEvents).isInstanceOf(IllegalStateException.class).hasMessageContaining("/quiet");
	}

	private static String data(CuratorFramework client, String path) {
		try {
			return new String(client.getData().forPath(path));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
