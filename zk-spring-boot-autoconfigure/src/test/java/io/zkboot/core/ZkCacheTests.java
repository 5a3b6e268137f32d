package io.zkboot.core;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ZkCacheTests extends ZkServerSupport {

	@Test
	void readsAreAnsweredFromMemoryAndFollowChanges() {
		this.template.createTree(Map.of("/app", bytes("top"), "/app/b", bytes("B"), "/app/a", bytes("A")));
		try (ZkCache cache = this.template.cache("/app")) {
			assertThat(cache.root()).isEqualTo("/app");
			assertThat(cache.size()).isEqualTo(3);
			assertThat(cache.get("/app/a")).get().extracting(ZkNode::dataAsString).isEqualTo("A");
			assertThat(cache.getChildren("/app")).containsExactly("a", "b");
			assertThat(cache.exists("/app/b")).isTrue();
			assertThat(cache.exists("/app/c")).isFalse();
			assertThat(cache.get("/app/c")).isEmpty();
			assertThat(cache.getChildren("/app/c")).isEmpty();

			this.template.set("/app/a", bytes("A2"));
			this.template.create("/app/c", bytes("C"));
			this.template.delete("/app/b");
			await().untilAsserted(() -> {
				assertThat(cache.get("/app/a")).get().extracting(ZkNode::dataAsString).isEqualTo("A2");
				assertThat(cache.get("/app/a").get().stat().getVersion()).isEqualTo(1);
				assertThat(cache.getChildren("/app")).containsExactly("a", "c");
				assertThat(cache.exists("/app/b")).isFalse();
			});
		}
	}

	@Test
	void aCacheOfAMissingNodeSeesItWhenCreated() {
		try (ZkCache cache = this.template.cache("/later")) {
			assertThat(cache.exists("/later")).isFalse();
			this.template.create("/later", bytes("now"));
			await().until(() -> cache.exists("/later"));
		}
	}

}
