package io.zkboot.watch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zkboot.core.NodeProperties;
import io.zkboot.core.ZkNoNodeException;
import io.zkboot.core.ZkOperationTimeoutException;
import io.zkboot.test.ZkTestServer;
import io.zkboot.tree.BadPropertyLinkException;
import io.zkboot.tree.NoSuchNodeException;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Live properties and children views, as zc.zk's {@code properties()} and
 * {@code children()}, against a real server changed by another client.
 */
class LiveViewsTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static ZkTestServer zk = new ZkTestServer();

	private static CuratorFramework client;

	private static ExecutorService pool;

	private static ZkViews views;

	@BeforeAll
	static void start() throws Exception {
		client = zk.client();
		pool = Executors.newCachedThreadPool();
		views = new ZkViews(client, pool);
	}

	@AfterAll
	static void stop() throws Exception {
		pool.shutdownNow();
	}

	@Test
	void propertiesAreKeptCurrentAndCallbacksTold() throws Exception {
		zk.set("/fooservice", "{\"database\":\"/databases/foomain\",\"threads\":1}");
		try (PropertiesView data = views.properties("/fooservice")) {
			assertThat(data).containsEntry("database", "/databases/foomain").containsEntry("threads", 1);
			List<Map<String, Object>> told = new CopyOnWriteArrayList<>();
			data.onChange((view) -> told.add(Map.copyOf(view)));
			assertThat(told).hasSize(1);
			data.update(Map.of("threads", 2, "secret", "123"));
			await().atMost(WAIT).untilAsserted(() -> assertThat(told).last()
				.isEqualTo(Map.of("database", "/databases/foomain", "threads", 2, "secret", "123")));
			data.set(Map.of("threads", 3, "secret", "1234"));
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(told).last().isEqualTo(Map.of("threads", 3, "secret", "1234")));
			data.put("debug", true);
			assertThat(NodeProperties.decode(zk.other().getData().forPath("/fooservice")))
				.isEqualTo(Map.of("threads", 3, "secret", "1234", "debug", true));
			zk.set("/fooservice", "{\"threads\":4}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(data).isEqualTo(Map.of("threads", 4)));
		}
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aCallbackThatThrowsIsLoggedAndCalledAgainAtTheNextChange(CapturedOutput output) throws Exception {
		zk.set("/throwing", "{\"n\":1,\"secret\":\"s3cret\"}");
		try (PropertiesView data = views.properties("/throwing")) {
			List<Object> seen = new CopyOnWriteArrayList<>();
			data.onChange((view) -> {
				seen.add(view.get("n"));
				throw new IllegalStateException("a bug in the callback");
			});
			zk.set("/throwing", "{\"n\":2,\"secret\":\"s3cret\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(seen).containsExactly(1, 2));
			assertThat(output).contains("on the view of /throwing failed; it stays registered")
				.contains("a bug in the callback")
				.doesNotContain("s3cret");
		}
	}

	@Test
	void aViewWithoutWatchingRefusesCallbacks() throws Exception {
		zk.set("/unwatched", "{\"a\":1}");
		try (PropertiesView data = views.properties("/unwatched", false)) {
			assertThat(data).isEqualTo(Map.of("a", 1));
			assertThatIllegalStateException().isThrownBy(() -> data.onChange((view) -> {
			})).withMessageContaining("Can't set callbacks without watching");
			data.update(Map.of("b", 2));
			assertThat(data).isEqualTo(Map.of("a", 1, "b", 2));
		}
	}

	@Test
	void propertyLinksAreReadThroughTheLinkAndItsTargetIsWatched() throws Exception {
		zk.set("/plinks/fooservice", "{\"threads\":3}");
		zk.set("/plinks/cms", "{\"threads =>\":\"/plinks/fooservice\"}");
		try (PropertiesView cms = views.properties("/plinks/cms")) {
			assertThat(cms.get("threads")).isEqualTo(3);
			List<Object> told = new CopyOnWriteArrayList<>();
			cms.onChange((view) -> told.add(view.get("threads")));
			zk.set("/plinks/fooservice", "{\"threads\":4}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(told).containsExactly(3, 4));
			assertThatThrownBy(() -> cms.update(Map.of("color =>", "/plinks/fooservice")))
				.isInstanceOf(BadPropertyLinkException.class);
			assertThat(NodeProperties.decode(zk.other().getData().forPath("/plinks/cms")))
				.isEqualTo(Map.of("threads =>", "/plinks/fooservice"));
		}
	}

	@Test
	void viewsFollowSymbolicLinksAndMoveWhenTheLinkChanges() throws Exception {
		zk.set("/links/databases/one", "{\"a\":1}");
		zk.set("/links/databases/one/x", "");
		zk.set("/links/databases/two", "{\"a\":2}");
		zk.set("/links/cms", "{\"main ->\":\"/links/databases/one\"}");
		try (PropertiesView main = views.properties("/links/cms/main");
				ChildrenView mainChildren = views.children("/links/cms/main")) {
			assertThat(main.getPath()).isEqualTo("/links/cms/main");
			assertThat(main.getRealPath()).isEqualTo("/links/databases/one");
			assertThat(main).isEqualTo(Map.of("a", 1));
			assertThat(mainChildren.names()).containsExactly("x");
			zk.set("/links/cms", "{\"main ->\":\"../databases/two\"}");
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(main.getRealPath()).isEqualTo("/links/databases/two");
				assertThat(main).isEqualTo(Map.of("a", 2));
				assertThat(mainChildren.getRealPath()).isEqualTo("/links/databases/two");
				assertThat(mainChildren).isEmpty();
			});
		}
	}

	@Test
	void aDeletedNodeThatMovedBehindALinkIsFollowed() throws Exception {
		zk.set("/moved/cms/databases/main", "{\"a\":1}");
		try (PropertiesView main = views.properties("/moved/cms/databases/main")) {
			zk.set("/moved/databases/cms", "{\"a\":2}");
			zk.set("/moved/cms/databases", "{\"main ->\":\"/moved/databases/cms\"}");
			zk.delete("/moved/cms/databases/main");
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(main.getRealPath()).isEqualTo("/moved/databases/cms");
				assertThat(main).isEqualTo(Map.of("a", 2));
			});
			assertThat(main.isDeleted()).isFalse();
		}
	}

	@Test
	void aDeletedNodeClearsTheViewsAndTellsTheCallbacks() throws Exception {
		zk.set("/doomed/a", "{\"k\":\"v\"}");
		try (PropertiesView properties = views.properties("/doomed");
				ChildrenView children = views.children("/doomed")) {
			List<Boolean> propertiesTold = new CopyOnWriteArrayList<>();
			List<Boolean> childrenTold = new CopyOnWriteArrayList<>();
			properties.onChange((view) -> propertiesTold.add(view.isDeleted()));
			children.onChange((view) -> childrenTold.add(view.isDeleted()));
			zk.delete("/doomed");
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(propertiesTold).containsExactly(false, true);
				assertThat(childrenTold).last().isEqualTo(true);
			});
			assertThat(properties).isEmpty();
			assertThat(children).isEmpty();
			assertThatThrownBy(() -> properties.update(Map.of("k", "w"))).isInstanceOf(ZkNoNodeException.class)
				.hasMessage("The node of /doomed was deleted");
		}
	}

	@Test
	void childrenAreKeptCurrentWithSizeAndCallbacks() throws Exception {
		zk.set("/fooservice2/providers/192.168.0.42:8080", "{}");
		try (ChildrenView addresses = views.children("/fooservice2/providers")) {
			assertThat(addresses).containsExactly("192.168.0.42:8080");
			List<List<String>> told = new CopyOnWriteArrayList<>();
			addresses.onChange((view) -> told.add(view.names()));
			zk.set("/fooservice2/providers/192.168.0.42:8081", "{}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(told).last()
				.isEqualTo(List.of("192.168.0.42:8080", "192.168.0.42:8081")));
			assertThat(addresses.size()).isEqualTo(2);
		}
	}

	@Test
	void aViewWhoseWatchPoolNeverRunsFailsWithinTheConnectionTimeoutNamingThePath() throws Exception {
		zk.set("/stuck", "{}");
		CuratorFramework quick = zk.client((builder) -> builder.connectionTimeoutMs(500));
		ExecutorService busy = Executors.newSingleThreadExecutor();
		CountDownLatch release = new CountDownLatch(1);
		busy.execute(() -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		try {
			assertThatThrownBy(() -> new ZkViews(quick, busy).properties("/stuck"))
				.isInstanceOfSatisfying(ZkOperationTimeoutException.class,
						(ex) -> assertThat(ex.getPath()).isEqualTo("/stuck"))
				.hasMessageContaining("/stuck")
				.hasMessageContaining("500 ms");
		}
		finally {
			release.countDown();
			busy.shutdown();
		}
	}

	@Test
	void aPathThatLeadsNowhereIsRefused() {
		assertThatThrownBy(() -> views.properties("/nowhere/at/all")).isInstanceOf(NoSuchNodeException.class);
	}

}
