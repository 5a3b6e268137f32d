package io.zkboot.watch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zkboot.test.ZkTestServer;
import io.zkboot.tree.BadPropertyLinkException;
import io.zkboot.tree.LinkLoopException;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Property links ({@code name =>}) in properties views, as in zc.zk's mapping view: shown
 * under their names with the linked values, and watched along whole chains, against a real
 * server changed by another client.
 */
class PropertyLinkViewsTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Duration QUIET = Duration.ofMillis(700);

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
	void linksShowUnderTheirNamesWithTheLinkedValues() throws Exception {
		zk.set("/mapped/fooservice", "{\"threads\":3,\"color\":\"red\"}");
		zk.set("/mapped/cms", "{\"threads =>\":\"/mapped/fooservice\",\"paint =>\":\"../fooservice color\","
				+ "\"database ->\":\"/mapped/db\",\"own\":1}");
		Map<String, Object> stored = Map.of("threads =>", "/mapped/fooservice", "paint =>", "../fooservice color",
				"database ->", "/mapped/db", "own", 1);
		Map<String, Object> shown = Map.of("threads", 3, "paint", "red", "database ->", "/mapped/db", "own", 1);
		for (boolean watch : new boolean[] { true, false }) {
			try (PropertiesView cms = views.properties("/mapped/cms", watch)) {
				assertThat(cms).isEqualTo(shown);
				assertThat(cms.entrySet()).containsExactlyInAnyOrderElementsOf(shown.entrySet());
				assertThat(cms.keySet()).containsExactlyInAnyOrder("threads", "paint", "database ->", "own");
				assertThat(cms.values()).containsExactlyInAnyOrder(3, "red", "/mapped/db", 1);
				assertThat(cms.size()).isEqualTo(4);
				assertThat(cms.get("threads")).isEqualTo(3);
				assertThat(cms.containsKey("paint")).isTrue();
				assertThat(cms.containsKey("paint =>")).isFalse();
				assertThat(cms.get("paint =>")).isNull();
				assertThat(cms.stored()).isEqualTo(stored);
			}
		}
	}

	@Test
	void aStoredPropertyShadowsALinkOfTheSameName() throws Exception {
		zk.set("/shadow/fooservice", "{\"threads\":3}");
		zk.set("/shadow/cms", "{\"threads\":9,\"threads =>\":\"/shadow/fooservice\"}");
		try (PropertiesView cms = views.properties("/shadow/cms")) {
			assertThat(cms).isEqualTo(Map.of("threads", 9));
			assertThat(cms.size()).isEqualTo(1);
			assertThat(cms.keySet()).containsExactly("threads");
			assertThat(cms.stored()).isEqualTo(Map.of("threads", 9, "threads =>", "/shadow/fooservice"));
			cms.put("threads", 10);
			assertThat(cms).isEqualTo(Map.of("threads", 10));
		}
	}

	@Test
	void aLinkThatCannotBeFollowedThrowsWhenItsValueIsRead() throws Exception {
		zk.set("/broken/cms", "{\"gone =>\":\"/broken/nowhere\",\"loop =>\":\".\",\"ok\":1}");
		try (PropertiesView cms = views.properties("/broken/cms")) {
			assertThat(cms.keySet()).containsExactlyInAnyOrder("gone", "loop", "ok");
			assertThat(cms.size()).isEqualTo(3);
			assertThat(cms.containsKey("gone")).isTrue();
			assertThat(cms.get("ok")).isEqualTo(1);
			assertThatThrownBy(() -> cms.get("gone")).isInstanceOf(BadPropertyLinkException.class);
			assertThatThrownBy(() -> cms.get("loop")).isInstanceOf(BadPropertyLinkException.class)
				.hasRootCauseInstanceOf(LinkLoopException.class);
			assertThatThrownBy(() -> cms.values().forEach((value) -> {
			})).isInstanceOf(BadPropertyLinkException.class);
			Map.Entry<String, Object> gone = cms.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equals("gone"))
				.findFirst()
				.orElseThrow();
			assertThatThrownBy(gone::getValue).isInstanceOf(BadPropertyLinkException.class);
			assertThat(cms.toString()).contains("gone =>");
		}
	}

	@Test
	void aChangeAtTheEndOfAChainCallsBackWithTheNewValue() throws Exception {
		zk.set("/chain/c", "{\"threads\":1}");
		zk.set("/chain/b", "{\"threads =>\":\"/chain/c\"}");
		zk.set("/chain/a", "{\"threads =>\":\"../b\"}");
		try (PropertiesView a = views.properties("/chain/a")) {
			List<Object> told = track(a, "threads");
			zk.set("/chain/c", "{\"threads\":2}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(told).last().isEqualTo(2));
			assertThat(a).isEqualTo(Map.of("threads", 2));
		}
	}

	@Test
	void rePointingTheMiddleLinkMovesTheWatch() throws Exception {
		zk.set("/repoint/c", "{\"t\":1}");
		zk.set("/repoint/d", "{\"t\":10}");
		zk.set("/repoint/b", "{\"t =>\":\"/repoint/c\"}");
		zk.set("/repoint/a", "{\"t =>\":\"/repoint/b\"}");
		try (PropertiesView a = views.properties("/repoint/a")) {
			List<Object> told = track(a, "t");
			zk.set("/repoint/b", "{\"t =>\":\"/repoint/d\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(told).last().isEqualTo(10));
			int calls = told.size();
			zk.set("/repoint/c", "{\"t\":2}");
			await().during(QUIET).atMost(WAIT).untilAsserted(() -> assertThat(told).hasSize(calls));
			zk.set("/repoint/d", "{\"t\":11}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(told).last().isEqualTo(11));
			assertThat(a.get("t")).isEqualTo(11);
		}
	}

	@Test
	void aDeletedAndReCreatedChainNodeIsFollowed() throws Exception {
		zk.set("/recreated/c", "{\"t\":1}");
		zk.set("/recreated/b", "{\"t =>\":\"/recreated/c\"}");
		zk.set("/recreated/a", "{\"t =>\":\"/recreated/b\"}");
		try (PropertiesView a = views.properties("/recreated/a")) {
			List<Object> told = track(a, "t");
			zk.delete("/recreated/b");
			await().atMost(WAIT).untilAsserted(() -> assertThat(told).last().isEqualTo("bad link"));
			assertThatThrownBy(() -> a.get("t")).isInstanceOf(BadPropertyLinkException.class);
			zk.set("/recreated/b", "{\"t =>\":\"/recreated/c\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(told).last().isEqualTo(1));
			zk.set("/recreated/c", "{\"t\":2}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(told).last().isEqualTo(2));
			assertThat(a.isDeleted()).isFalse();
		}
	}

	@Test
	void linksInACircleAreReadAgainWhenTheCircleBreaks() throws Exception {
		zk.set("/circle/b", "{\"x =>\":\"/circle/a\"}");
		zk.set("/circle/a", "{\"x =>\":\"/circle/b\"}");
		try (PropertiesView a = views.properties("/circle/a")) {
			List<Object> told = track(a, "x");
			assertThat(told).containsExactly("bad link");
			zk.set("/circle/b", "{\"x\":7}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(told).containsExactly("bad link", 7));
		}
	}

	/**
	 * Registers a callback recording the value of a key each time, or {@code "bad link"}.
	 */
	private static List<Object> track(PropertiesView view, String key) {
		List<Object> told = new CopyOnWriteArrayList<>();
		view.onChange((current) -> {
			try {
				told.add(current.get(key));
			}
			catch (BadPropertyLinkException ex) {
				told.add("bad link");
			}
		});
		return told;
	}

}
