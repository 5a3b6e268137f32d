package io.zkboot.watch;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zkboot.tree.BadPropertyLinkException;
import io.zkboot.tree.LinkLoopException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Property links ({@code name =>}) in properties views, as in zc.zk's mapping view: shown
 * under their names with the linked values, against a real server.
 */
class PropertyLinkViewsTests {

	@RegisterExtension
	static ZkServer zk = new ZkServer();

	private static CuratorFramework client;

	private static ExecutorService pool;

	private static ZkViews views;

	@BeforeAll
	static void start() throws Exception {
		client = CuratorFrameworkFactory.newClient(zk.connectString(), new RetryOneTime(100));
		client.start();
		client.blockUntilConnected();
		pool = Executors.newCachedThreadPool();
		views = new ZkViews(client, pool);
	}

	@AfterAll
	static void stop() throws Exception {
		pool.shutdownNow();
		client.close();
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

}
