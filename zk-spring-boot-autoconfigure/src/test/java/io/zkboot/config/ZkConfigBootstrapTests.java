package io.zkboot.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkConfigAutoConfiguration;
import io.zkboot.autoconfigure.ZkWatchAutoConfiguration;
import io.zkboot.client.CuratorFrameworkBuilderCustomizer;
import io.zkboot.test.ZkTestServer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.utils.DefaultZookeeperFactory;
import org.apache.curator.utils.ZookeeperFactory;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
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
 * The config-data loader's client, customized or supplied through the bootstrap registry,
 * against a real server.
 */
class ZkConfigBootstrapTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final byte[] CREDENTIALS = "boot:secret".getBytes(StandardCharsets.UTF_8);

	@RegisterExtension
	static ZkTestServer zk = new ZkTestServer();

	private SpringApplicationBuilder application(Class<?> source) {
		return new SpringApplicationBuilder(source).web(WebApplicationType.NONE)
			.properties("zk.connect-string=" + zk.connectString(), "zk.connection-timeout=3s");
	}

	@Test
	void customizersRegisteredInTheBootstrapRegistryAreAppliedToTheLoadersClient() throws Exception {
		String digest = DigestAuthenticationProvider.generateDigest("boot:secret");
		zk.other()
			.create()
			.creatingParentsIfNeeded()
			.withACL(List.of(new ACL(ZooDefs.Perms.ALL, new Id("digest", digest))))
			.forPath("/bootstrap/secured/shop", "{\"greeting\":\"secret\"}".getBytes(StandardCharsets.UTF_8));
		assertThatException()
			.isThrownBy(() -> application(AuthenticatedApp.class).run("--spring.config.import=zk:/bootstrap/secured"))
			.withStackTraceContaining("NoAuth");
		List<String> applied = new CopyOnWriteArrayList<>();
		try (ConfigurableApplicationContext context = application(AuthenticatedApp.class)
			.addBootstrapRegistryInitializer(ZkBootstrapCustomizers.of((builder) -> {
				applied.add("auth after zk.connection-timeout=" + builder.getConnectionTimeoutMs());
				builder.authorization("digest", CREDENTIALS);
			}))
			.addBootstrapRegistryInitializer(ZkBootstrapCustomizers.of((builder) -> applied.add("second")))
			.run("--spring.config.import=zk:/bootstrap/secured")) {
			assertThat(applied).containsExactly("auth after zk.connection-timeout=3000", "second");
			ShopProperties shop = context.getBean(ShopProperties.class);
			assertThat(shop.getGreeting()).isEqualTo("secret");
			context.getBean(CuratorFramework.class)
				.setData()
				.forPath("/bootstrap/secured/shop", "{\"greeting\":\"changed\"}".getBytes(StandardCharsets.UTF_8));
			await().atMost(WAIT).untilAsserted(() -> assertThat(shop.getGreeting()).isEqualTo("changed"));
		}
	}

	@Test
	void aCuratorFrameworkRegisteredInTheBootstrapRegistryIsUsedAndNotClosed() throws Exception {
		zk.set("/tenant/bootstrap/registered/shop", "{\"greeting\":\"from the tenant\"}");
		try (CuratorFramework registered = CuratorFrameworkFactory.builder()
			.connectString(zk.connectString())
			.namespace("tenant")
			.retryPolicy(new RetryOneTime(100))
			.build()) {
			registered.start();
			try (ConfigurableApplicationContext context = application(App.class)
				.addBootstrapRegistryInitializer(
						(registry) -> registry.register(CuratorFramework.class, InstanceSupplier.of(registered)))
				.run("--spring.config.import=zk:/bootstrap/registered", "--zk.config.watch=false")) {
				assertThat(context.getBean(ShopProperties.class).getGreeting()).isEqualTo("from the tenant");
			}
			assertThat(registered.getState()).isEqualTo(CuratorFrameworkState.STARTED);
			assertThat(registered.checkExists().forPath("/bootstrap/registered/shop")).isNotNull();
		}
	}

	@Test
	void theLoadersClientIsBuiltFromZkPropertiesAndTheApplicationKeepsItsSession() throws Exception {
		zk.set("/bootstrap/shared/shop", "{\"greeting\":\"shared\"}");
		SessionsMade sessions = new SessionsMade();
		List<CuratorFrameworkFactory.Builder> builders = new CopyOnWriteArrayList<>();
		try (ConfigurableApplicationContext context = application(App.class)
			.addBootstrapRegistryInitializer(ZkBootstrapCustomizers.of(sessions, builders::add))
			.run("--spring.config.import=zk:/bootstrap/shared", "--zk.read-only=true", "--zk.acl.mode=read-only",
					"--zk.retry.base-sleep=50ms", "--zk.session-timeout=7s")) {
			assertThat(builders).singleElement().satisfies((builder) -> {
				assertThat(builder.canBeReadOnly()).isTrue();
				assertThat(builder.getSessionTimeoutMs()).isEqualTo(7000);
				assertThat(builder.getAclProvider().getDefaultAcl()).isEqualTo(ZooDefs.Ids.READ_ACL_UNSAFE);
				// the client's policy, wrapped so that calls inside a ZkTemplate.retry are not retried twice
				assertThat(io.zkboot.core.ZkRetry.of(builder.getRetryPolicy()).getPolicy())
					.isInstanceOfSatisfying(BoundedExponentialBackoffRetry.class,
						(retry) -> assertThat(retry.getBaseSleepTimeMs()).isEqualTo(50));
			});
			CuratorFramework client = context.getBean(CuratorFramework.class);
			assertThat(sessions.made).singleElement()
				.isSameAs(client.getZookeeperClient().getZooKeeper());
			ShopProperties shop = context.getBean(ShopProperties.class);
			zk.set("/bootstrap/shared/shop", "{\"greeting\":\"changed\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(shop.getGreeting()).isEqualTo("changed"));
			assertThat(sessions.made).hasSize(1);
		}
		assertThat(sessions.made).singleElement()
			.satisfies((session) -> assertThat(session.getState()).isEqualTo(ZooKeeper.States.CLOSED));
	}

	@Test
	void withACustomizerBeanTheApplicationBuildsItsOwnClientAndTheLoadersIsClosed() throws Exception {
		zk.set("/bootstrap/own/shop", "{\"greeting\":\"own\"}");
		SessionsMade sessions = new SessionsMade();
		try (ConfigurableApplicationContext context = application(CustomizedApp.class)
			.addBootstrapRegistryInitializer(ZkBootstrapCustomizers.of(sessions))
			.run("--spring.config.import=zk:/bootstrap/own")) {
			ZooKeeper loaders = sessions.made.iterator().next();
			assertThat(context.getBean(CuratorFramework.class).getZookeeperClient().getZooKeeper())
				.isNotSameAs(loaders);
			assertThat(context.getBean(CustomizedApp.class).customized).isTrue();
			assertThat(loaders.getState()).isEqualTo(ZooKeeper.States.CLOSED);
		}
	}

	/** Records the ZooKeeper sessions a client opens. */
	static final class SessionsMade implements CuratorFrameworkBuilderCustomizer {

		final Set<ZooKeeper> made = new CopyOnWriteArraySet<>();

		@Override
		public void customize(CuratorFrameworkFactory.Builder builder) {
			builder.zookeeperFactory(new ZookeeperFactory() {

				@Override
				public ZooKeeper newZooKeeper(String connectString, int sessionTimeout, Watcher watcher,
						boolean canBeReadOnly) throws Exception {
					return record(new DefaultZookeeperFactory().newZooKeeper(connectString, sessionTimeout, watcher,
							canBeReadOnly));
				}

				@Override
				public ZooKeeper newZooKeeper(String connectString, int sessionTimeout, Watcher watcher,
						boolean canBeReadOnly, ZKClientConfig config) throws Exception {
					return record(ZookeeperFactory.super.newZooKeeper(connectString, sessionTimeout, watcher,
							canBeReadOnly, config));
				}

			});
		}

		private ZooKeeper record(ZooKeeper session) {
			this.made.add(session);
			return session;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class,
			ZkConfigAutoConfiguration.class })
	@EnableConfigurationProperties(ShopProperties.class)
	static class CustomizedApp {

		volatile boolean customized;

		@Bean
		CuratorFrameworkBuilderCustomizer recordingCustomizer() {
			return (builder) -> this.customized = true;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class,
			ZkConfigAutoConfiguration.class })
	@EnableConfigurationProperties(ShopProperties.class)
	static class App {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class,
			ZkConfigAutoConfiguration.class })
	@EnableConfigurationProperties(ShopProperties.class)
	static class AuthenticatedApp {

		@Bean
		CuratorFrameworkBuilderCustomizer authentication() {
			return (builder) -> builder.authorization("digest", CREDENTIALS);
		}

	}

	@ConfigurationProperties("shop")
	static class ShopProperties {

		private String greeting;

		public String getGreeting() {
			return this.greeting;
		}

		public void setGreeting(String greeting) {
			this.greeting = greeting;
		}

	}

}
