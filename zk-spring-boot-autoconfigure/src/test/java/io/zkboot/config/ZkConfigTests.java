package io.zkboot.config;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkConfigAutoConfiguration;
import io.zkboot.autoconfigure.ZkWatchAutoConfiguration;
import io.zkboot.client.ZkConnectionState;
import io.zkboot.client.ZkConnectionStateTracker;
import io.zkboot.test.ZkTestServer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * {@code spring.config.import=zk:...}: loading, watching, re-binding, against a real server
 * changed by another client.
 */
class ZkConfigTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static ZkTestServer zk = new ZkTestServer();

	private ConfigurableApplicationContext run(String... arguments) {
		List<String> all = new java.util.ArrayList<>(List.of(arguments));
		all.add("--zk.connect-string=" + zk.connectString());
		all.add("--zk.session-timeout=10s");
		all.add("--zk.connection-timeout=3s");
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(all.toArray(String[]::new));
	}

	@Test
	void aNodeAndItsChildrenAreLoadedUnderNestedPrefixes() throws Exception {
		zk.set("/config/load", "{\"title\":\"top\"}");
		zk.set("/config/load/shop", "{\"greeting\":\"hello\",\"size\":3}");
		zk.set("/config/load/db", "{\"url\":\"jdbc:x\",\"pool\":{\"max\":5},\"hosts\":[\"a\",\"b\"]}");
		try (ConfigurableApplicationContext context = run("--spring.config.import=zk:/config/load")) {
			assertThat(context.getEnvironment().getProperty("title")).isEqualTo("top");
			assertThat(context.getEnvironment().getProperty("db.pool.max")).isEqualTo("5");
			assertThat(context.getEnvironment().getProperty("db.hosts[1]")).isEqualTo("b");
			ShopProperties shop = context.getBean(ShopProperties.class);
			assertThat(shop.getGreeting()).isEqualTo("hello");
			assertThat(shop.getSize()).isEqualTo(3);
			assertThat(context.getBean(DbProperties.class).getUrl()).isEqualTo("jdbc:x");
		}
	}

	@Test
	void anImportIsOnePropertySourceWhereTheNodeReadFirstWinsANameUntilItNoLongerGivesIt() throws Exception {
		zk.set("/config/merge", "{\"shop.greeting\":\"from the parent\"}");
		zk.set("/config/merge/shop", "{\"greeting\":\"from the child\",\"size\":4}");
		try (ConfigurableApplicationContext context = run("--spring.config.import=zk:/config/merge")) {
			assertThat(context.getEnvironment().getPropertySources().stream().filter(ZkPropertySource.class::isInstance))
				.singleElement()
				.satisfies((source) -> {
					assertThat(source.getName()).isEqualTo("zk:/config/merge");
					assertThat(((ZkPropertySource) source).getNodePaths()).containsExactly("/config/merge",
							"/config/merge/shop");
				});
			ShopProperties shop = context.getBean(ShopProperties.class);
			assertThat(shop.getGreeting()).isEqualTo("from the parent");
			assertThat(shop.getSize()).isEqualTo(4);
			zk.set("/config/merge/shop", "{\"greeting\":\"from the child\",\"size\":5}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(shop.getSize()).isEqualTo(5));
			assertThat(shop.getGreeting()).isEqualTo("from the parent");
			zk.set("/config/merge", "{}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(shop.getGreeting()).isEqualTo("from the child"));
			assertThat(shop.getSize()).isEqualTo(5);
		}
	}

	@Test
	void aChangeByAnotherClientReBindsOnlyTheBeansItCoversOnce() throws Exception {
		zk.set("/config/change", "{}");
		zk.set("/config/change/shop", "{\"greeting\":\"hello\",\"size\":3}");
		zk.set("/config/change/db", "{\"url\":\"jdbc:x\"}");
		try (ConfigurableApplicationContext context = run("--spring.config.import=zk:/config/change")) {
			ShopProperties shop = context.getBean(ShopProperties.class);
			DbProperties db = context.getBean(DbProperties.class);
			ConfigEvents events = context.getBean(ConfigEvents.class);
			assertThat(shop.bindings).hasValue(1);
			assertThat(events.changes).isEmpty();
			zk.set("/config/change/shop", "{\"greeting\":\"hi\",\"size\":3}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(shop.getGreeting()).isEqualTo("hi"));
			assertThat(shop.bindings).hasValue(2);
			assertThat(db.bindings).hasValue(1);
			assertThat(events.changes).singleElement()
				.satisfies((event) -> assertThat(event.getKeys()).containsExactly("shop.greeting"));
			assertThat(context.getEnvironment().getProperty("shop.greeting")).isEqualTo("hi");
		}
	}

	@Test
	void withLazyInitializationAChangeCreatesNoBeanAndABeanCreatedLaterIsReBoundToo() throws Exception {
		zk.set("/config/lazy/db", "{\"url\":\"jdbc:x\"}");
		zk.set("/config/lazy/shop", "{\"greeting\":\"hello\"}");
		try (ConfigurableApplicationContext context = run("--spring.config.import=zk:/config/lazy",
				"--spring.main.lazy-initialization=true")) {
			ConfigEvents events = context.getBean(ConfigEvents.class);
			zk.set("/config/lazy/db", "{\"url\":\"jdbc:y\"}");
			await().atMost(WAIT).until(() -> events.changes.size() == 1);
			String shopBean = context.getBeanNamesForType(ShopProperties.class)[0];
			assertThat(context.getBeanFactory().containsSingleton(shopBean)).isFalse();
			ShopProperties shop = context.getBean(ShopProperties.class);
			assertThat(shop.getGreeting()).isEqualTo("hello");
			zk.set("/config/lazy/shop", "{\"greeting\":\"hi\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(shop.getGreeting()).isEqualTo("hi"));
			assertThat(context.getBean(DbProperties.class).getUrl()).isEqualTo("jdbc:y");
		}
	}

	@Test
	void withTheEmbeddedServerConfigurationIsReadFromItAndTheApplicationUsesTheSameServer() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.run("--zk.embedded.enabled=true", "--spring.config.import=zk:/zookeeper/quota")) {
			io.zkboot.embedded.EmbeddedZooKeeper server = context.getBean(io.zkboot.embedded.EmbeddedZooKeeper.class);
			assertThat(context.getBeansOfType(io.zkboot.embedded.EmbeddedZooKeeper.class)).hasSize(1);
			assertThat(context.getBean(org.apache.curator.framework.CuratorFramework.class)
				.getZookeeperClient()
				.getCurrentConnectionString()).isEqualTo(server.getConnectString());
			assertThat(context.getEnvironment().getPropertySources().stream().map((source) -> source.getName()))
				.anyMatch((name) -> name.contains("/zookeeper/quota"));
		}
	}

	@Test
	void aNodeCreatedBelowAnImportedNodeIsLoadedAndBound() throws Exception {
		zk.set("/config/grow", "{}");
		try (ConfigurableApplicationContext context = run("--spring.config.import=zk:/config/grow")) {
			ShopProperties shop = context.getBean(ShopProperties.class);
			ConfigEvents events = context.getBean(ConfigEvents.class);
			assertThat(shop.getGreeting()).isNull();
			zk.set("/config/grow/shop", "{\"greeting\":\"new\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(shop.getGreeting()).isEqualTo("new"));
			assertThat(events.changes).singleElement()
				.satisfies((event) -> assertThat(event.getKeys()).containsExactly("shop.greeting"));
			zk.set("/config/grow/shop", "{\"greeting\":\"newer\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(shop.getGreeting()).isEqualTo("newer"));
		}
	}

	@Test
	void aSessionExpiryCausesNoReBindingAndChangesAreStillSeen() throws Exception {
		zk.set("/config/expiry/shop", "{\"greeting\":\"hello\"}");
		try (ConfigurableApplicationContext context = run("--spring.config.import=zk:/config/expiry")) {
			ShopProperties shop = context.getBean(ShopProperties.class);
			CuratorFramework client = context.getBean(CuratorFramework.class);
			long session = client.getZookeeperClient().getZooKeeper().getSessionId();
			client.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
			ZkConnectionStateTracker tracker = context.getBean(ZkConnectionStateTracker.class);
			await().atMost(WAIT).until(() -> tracker.getState() == ZkConnectionState.CONNECTED
					&& tracker.getSessionId() != session);
			await().during(Duration.ofMillis(300)).atMost(WAIT).untilAsserted(() -> assertThat(shop.bindings).hasValue(1));
			zk.set("/config/expiry/shop", "{\"greeting\":\"after\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(shop.getGreeting()).isEqualTo("after"));
			assertThat(shop.bindings).hasValue(2);
		}
	}

	@Test
	void invalidJsonIsReportedAndTheLastGoodValuesStay() throws Exception {
		zk.set("/config/invalid/shop", "{\"greeting\":\"good\"}");
		try (ConfigurableApplicationContext context = run("--spring.config.import=zk:/config/invalid")) {
			ShopProperties shop = context.getBean(ShopProperties.class);
			ConfigEvents events = context.getBean(ConfigEvents.class);
			zk.set("/config/invalid/shop", "{\"greeting\": oops}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(events.errors).singleElement()
				.satisfies((error) -> assertThat(error.getMessage()).contains("/config/invalid/shop", "invalid JSON")));
			assertThat(shop.getGreeting()).isEqualTo("good");
			assertThat(context.getEnvironment().getProperty("shop.greeting")).isEqualTo("good");
			zk.set("/config/invalid/shop", "{\"greeting\":\"fixed\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(shop.getGreeting()).isEqualTo("fixed"));
		}
	}

	@Test
	void aTruncatedWriteIsInvalidJsonNotAStringValueAndItsMessageHoldsNoData() throws Exception {
		zk.set("/config/truncated/db", "{\"url\": \"jdbc:x\", \"pool\": {\"max\": 5}}");
		try (ConfigurableApplicationContext context = run("--spring.config.import=zk:/config/truncated")) {
			DbProperties db = context.getBean(DbProperties.class);
			ConfigEvents events = context.getBean(ConfigEvents.class);
			zk.set("/config/truncated/db", "{\"url\": \"jdbc:secret\", \"pool\": {\"max\": 7");
			await().atMost(WAIT).untilAsserted(() -> assertThat(events.errors).singleElement()
				.satisfies((error) -> assertThat(error.getMessage()).isEqualTo(
						"node /config/truncated/db holds invalid JSON (it ends too early) at line 1, column 41; "
								+ "the last good properties stay")));
			assertThat(db.getUrl()).isEqualTo("jdbc:x");
			assertThat(context.getEnvironment().getProperty("db.pool.max")).isEqualTo("5");
			assertThat(context.getEnvironment().getProperty("db.string_value")).isNull();
			assertThat(events.changes).isEmpty();
		}
	}

	@Test
	void severalPathsLoadWithTheLaterWinning() throws Exception {
		zk.set("/config/shared/shop", "{\"greeting\":\"shared\",\"size\":7}");
		zk.set("/config/own/shop", "{\"greeting\":\"own\"}");
		try (ConfigurableApplicationContext context = run(
				"--spring.config.import=zk:/config/shared;/config/own")) {
			ShopProperties shop = context.getBean(ShopProperties.class);
			assertThat(shop.getGreeting()).isEqualTo("own");
			assertThat(shop.getSize()).isEqualTo(7);
		}
	}

	@Test
	void aMissingNodeFailsStartupUnlessOptionalAndThenArrivesWhenCreated() throws Exception {
		assertThatException().isThrownBy(() -> run("--spring.config.import=zk:/config/missing"))
			.withStackTraceContaining("zk:/config/missing");
		try (ConfigurableApplicationContext context = run("--spring.config.import=optional:zk:/config/missing")) {
			ShopProperties shop = context.getBean(ShopProperties.class);
			assertThat(shop.getGreeting()).isNull();
			zk.set("/config/missing/shop", "{\"greeting\":\"arrived\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(shop.getGreeting()).isEqualTo("arrived"));
		}
	}

	@Test
	void nodesReadableOnlyWithCredentialsAreLoadedAndWatchedWithZkAuth() throws Exception {
		String digest = DigestAuthenticationProvider.generateDigest("app:secret");
		zk.other()
			.create()
			.creatingParentsIfNeeded()
			.withACL(List.of(new ACL(ZooDefs.Perms.ALL, new Id("digest", digest))))
			.forPath("/config/secured/shop", "{\"greeting\":\"secret\"}".getBytes());
		try (ConfigurableApplicationContext context = run("--spring.config.import=zk:/config/secured",
				"--zk.auth.username=app", "--zk.auth.password=secret")) {
			ShopProperties shop = context.getBean(ShopProperties.class);
			assertThat(shop.getGreeting()).isEqualTo("secret");
			CuratorFramework client = context.getBean(CuratorFramework.class);
			client.setData().forPath("/config/secured/shop", "{\"greeting\":\"changed\"}".getBytes());
			await().atMost(WAIT).untilAsserted(() -> assertThat(shop.getGreeting()).isEqualTo("changed"));
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ io.zkboot.autoconfigure.ZkEmbeddedAutoConfiguration.class, ZkAutoConfiguration.class,
			ZkWatchAutoConfiguration.class,
			ZkConfigAutoConfiguration.class })
	@EnableConfigurationProperties({ ShopProperties.class, DbProperties.class })
	static class App {

		@Bean
		ConfigEvents events() {
			return new ConfigEvents();
		}

	}

	@ConfigurationProperties("shop")
	static class ShopProperties {

		final AtomicInteger bindings = new AtomicInteger();

		private String greeting;

		private int size;

		public String getGreeting() {
			return this.greeting;
		}

		public void setGreeting(String greeting) {
			this.bindings.incrementAndGet();
			this.greeting = greeting;
		}

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

	}

	@ConfigurationProperties("db")
	static class DbProperties {

		final AtomicInteger bindings = new AtomicInteger();

		private String url;

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.bindings.incrementAndGet();
			this.url = url;
		}

	}

}
