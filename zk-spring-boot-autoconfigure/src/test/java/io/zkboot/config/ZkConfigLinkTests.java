package io.zkboot.config;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkConfigAutoConfiguration;
import io.zkboot.autoconfigure.ZkWatchAutoConfiguration;
import io.zkboot.test.ZkTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property links ({@code name =>}) in configuration nodes: followed at startup, watched, and
 * re-bound when what they lead to changes, against a real server changed by another client.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZkConfigLinkTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static ZkTestServer zk = new ZkTestServer();

	private ConfigurableApplicationContext run(String path) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.run("--spring.config.import=zk:" + path, "--zk.connect-string=" + zk.connectString(),
					"--zk.connection-timeout=3s");
	}

	@Test
	void linkedValuesAreBoundAtStartupAndAStoredPropertyShadowsItsLink() throws Exception {
		zk.set("/linked/startup", "{\"threads\":16,\"queue\":{\"depth\":40},\"limits\":{\"max\":7}}");
		zk.set("/links/startup/pool", "{\"name\":\"own\",\"name =>\":\"/nowhere\",\"threads =>\":\"/linked/startup\","
				+ "\"depth =>\":\"../../../linked/startup queue\",\"limits =>\":\"/linked/startup\"}");
		try (ConfigurableApplicationContext context = run("/links/startup")) {
			PoolProperties pool = context.getBean(PoolProperties.class);
			assertThat(pool.getThreads()).isEqualTo(16);
			assertThat(pool.getName()).isEqualTo("own");
			assertThat(context.getEnvironment().getProperty("pool.depth.depth")).isEqualTo("40");
			assertThat(pool.getLimits().getMax()).isEqualTo(7);
			assertThat(context.getBean(ConfigEvents.class).errors).isEmpty();
		}
	}

	@Test
	void aChangeOfTheLinkedPropertyReBindsTheBeanOnceWithAnEvent() throws Exception {
		zk.set("/linked/change", "{\"threads\":16,\"other\":1}");
		zk.set("/links/change/pool", "{\"name\":\"own\",\"threads =>\":\"/linked/change\"}");
		try (ConfigurableApplicationContext context = run("/links/change")) {
			PoolProperties pool = context.getBean(PoolProperties.class);
			ConfigEvents events = context.getBean(ConfigEvents.class);
			assertThat(pool.bindings).hasValue(1);
			zk.set("/linked/change", "{\"threads\":32,\"other\":1}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(pool.getThreads()).isEqualTo(32));
			assertThat(events.changes).singleElement().satisfies((event) -> {
				assertThat(event.getPath()).isEqualTo("/links/change/pool");
				assertThat(event.getKeys()).containsExactly("pool.threads");
			});
			assertThat(pool.bindings).hasValue(2);
			zk.set("/linked/change", "{\"threads\":32,\"other\":2}");
			zk.set("/links/change/pool", "{\"name\":\"mark\",\"threads =>\":\"/linked/change\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(pool.getName()).isEqualTo("mark"));
			assertThat(events.changes).hasSize(2);
		}
	}

	@Test
	void aChainOfTwoLinksIsFollowedAndEveryNodeOnItIsWatched() throws Exception {
		zk.set("/linked/chain/end", "{\"count\":5}");
		zk.set("/linked/chain/middle", "{\"threads =>\":\"../end count\"}");
		zk.set("/links/chain/pool", "{\"threads =>\":\"/linked/chain/middle\"}");
		try (ConfigurableApplicationContext context = run("/links/chain")) {
			PoolProperties pool = context.getBean(PoolProperties.class);
			ConfigEvents events = context.getBean(ConfigEvents.class);
			assertThat(pool.getThreads()).isEqualTo(5);
			zk.set("/linked/chain/end", "{\"count\":6}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(pool.getThreads()).isEqualTo(6));
			zk.set("/linked/chain/middle", "{\"threads\":9,\"threads =>\":\"../end count\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(pool.getThreads()).isEqualTo(9));
			assertThat(events.changes).hasSize(2)
				.allSatisfy((event) -> assertThat(event.getKeys()).containsExactly("pool.threads"));
		}
	}

	@Test
	void linksThatCannotBeFollowedAreLoggedAndGiveNoPropertyUntilTheyCanBe(CapturedOutput output) throws Exception {
		zk.set("/linked/missing", "{\"other\":1}");
		zk.set("/links/missing/pool", "{\"name\":\"own\",\"threads =>\":\"/linked/missing/none\","
				+ "\"depth =>\":\"/linked/missing\",\"size =>\":\". size\"}");
		try (ConfigurableApplicationContext context = run("/links/missing")) {
			PoolProperties pool = context.getBean(PoolProperties.class);
			assertThat(pool.getName()).isEqualTo("own");
			assertThat(pool.getThreads()).isEqualTo(4);
			assertThat(context.getEnvironment().containsProperty("pool.threads")).isFalse();
			assertThat(context.getEnvironment().containsProperty("pool.depth")).isFalse();
			assertThat(output).contains(
					"Configuration node /links/missing/pool: bad property link 'threads => /linked/missing/none'",
					"no node /linked/missing/none", "bad property link 'depth => /linked/missing'",
					"no property depth at /linked/missing", "bad property link 'size => . size'", "link loop");
			zk.set("/linked/missing/none", "{\"threads\":3}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(pool.getThreads()).isEqualTo(3));
		}
	}

	@Test
	void aDeletedTargetRemovesThePropertyResetsTheBeanAndIsReported() throws Exception {
		zk.set("/linked/deleted", "{\"threads\":16}");
		zk.set("/links/deleted/pool", "{\"threads =>\":\"/linked/deleted\"}");
		try (ConfigurableApplicationContext context = run("/links/deleted")) {
			PoolProperties pool = context.getBean(PoolProperties.class);
			ConfigEvents events = context.getBean(ConfigEvents.class);
			zk.delete("/linked/deleted");
			await().atMost(WAIT).untilAsserted(() -> assertThat(pool.getThreads()).isEqualTo(4));
			assertThat(events.changes).singleElement()
				.satisfies((event) -> assertThat(event.getKeys()).containsExactly("pool.threads"));
			assertThat(events.errors).singleElement()
				.satisfies((error) -> assertThat(error.getMessage()).contains("/links/deleted/pool", "threads =>"));
		}
	}

	@Test
	void changingTheLinkMovesItsWatchToTheNewTarget() throws Exception {
		zk.set("/linked/repoint/a", "{\"threads\":1}");
		zk.set("/linked/repoint/b", "{\"threads\":2}");
		zk.set("/links/repoint/pool", "{\"threads =>\":\"/linked/repoint/a\"}");
		try (ConfigurableApplicationContext context = run("/links/repoint")) {
			PoolProperties pool = context.getBean(PoolProperties.class);
			ConfigEvents events = context.getBean(ConfigEvents.class);
			assertThat(pool.getThreads()).isEqualTo(1);
			zk.set("/links/repoint/pool", "{\"threads =>\":\"/linked/repoint/b\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(pool.getThreads()).isEqualTo(2));
			zk.set("/linked/repoint/a", "{\"threads\":10}");
			zk.set("/linked/repoint/b", "{\"threads\":20}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(pool.getThreads()).isEqualTo(20));
			assertThat(events.changes).hasSize(2);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class,
			ZkConfigAutoConfiguration.class })
	@EnableConfigurationProperties(PoolProperties.class)
	static class App {

		@Bean
		ConfigEvents events() {
			return new ConfigEvents();
		}

	}

	@ConfigurationProperties("pool")
	static class PoolProperties {

		final AtomicInteger bindings = new AtomicInteger();

		private String name;

		private int threads = 4;

		private Limits limits = new Limits();

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public int getThreads() {
			return this.threads;
		}

		public void setThreads(int threads) {
			this.bindings.incrementAndGet();
			this.threads = threads;
		}

		public Limits getLimits() {
			return this.limits;
		}

		public void setLimits(Limits limits) {
			this.limits = limits;
		}

		static class Limits {

			private int max = 10;

			public int getMax() {
				return this.max;
			}

			public void setMax(int max) {
				this.max = max;
			}

		}

	}

}
