package io.zkboot.config;

import java.nio.charset.StandardCharsets;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkConfigAutoConfiguration;
import io.zkboot.autoconfigure.ZkWatchAutoConfiguration;
import io.zkboot.client.TlsZkServer;
import io.zkboot.config.ZkConfigBootstrapTests.SessionsMade;
import io.zkboot.config.ZkConfigBootstrapTests.ShopProperties;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code zk:} loader's client reaches a TLS-only server with the TLS of {@code zk.tls.*},
 * an SSL bundle included, and the application keeps its session.
 */
class ZkConfigTlsTests {

	@RegisterExtension
	static TlsZkServer zk = new TlsZkServer();

	@BeforeAll
	static void configuration() throws Exception {
		try (CuratorFramework other = zk.client(null)) {
			other.create()
				.creatingParentsIfNeeded()
				.forPath("/tls/shop", "{\"greeting\":\"over tls\"}".getBytes(StandardCharsets.UTF_8));
		}
	}

	private SpringApplicationBuilder application(SessionsMade sessions) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.addBootstrapRegistryInitializer(ZkBootstrapCustomizers.of(sessions))
			.properties("zk.connect-string=" + zk.connectString(), "zk.startup.wait=20s",
					"spring.config.import=zk:/tls", "zk.config.watch=false");
	}

	@Test
	void theLoaderReadsWithTheSslBundleAndTheApplicationKeepsItsSession() throws Exception {
		SessionsMade sessions = new SessionsMade();
		try (ConfigurableApplicationContext context = application(sessions).properties(zk.jksBundle("zookeeper"))
			.run("--zk.tls.bundle=zookeeper")) {
			assertThat(context.getBean(ShopProperties.class).getGreeting()).isEqualTo("over tls");
			assertThat(sessions.made).singleElement()
				.isSameAs(context.getBean(CuratorFramework.class).getZookeeperClient().getZooKeeper());
		}
	}

	@Test
	void theLoaderReadsWithAPemBundle() throws Exception {
		SessionsMade sessions = new SessionsMade();
		try (ConfigurableApplicationContext context = application(sessions).properties(zk.pemBundle("zookeeper"))
			.run("--zk.tls.bundle=zookeeper")) {
			assertThat(context.getBean(ShopProperties.class).getGreeting()).isEqualTo("over tls");
			assertThat(sessions.made).singleElement()
				.isSameAs(context.getBean(CuratorFramework.class).getZookeeperClient().getZooKeeper());
		}
	}

	@Test
	void theLoaderReadsWithTheKeyStoreProperties() throws Exception {
		SessionsMade sessions = new SessionsMade();
		try (ConfigurableApplicationContext context = application(sessions).run("--zk.tls.enabled=true",
				"--zk.tls.key-store=" + zk.keyStore(), "--zk.tls.key-store-password=" + TlsZkServer.PASSWORD,
				"--zk.tls.trust-store=" + zk.trustStore(), "--zk.tls.trust-store-password=" + TlsZkServer.PASSWORD)) {
			assertThat(context.getBean(ShopProperties.class).getGreeting()).isEqualTo("over tls");
			assertThat(sessions.made).singleElement()
				.isSameAs(context.getBean(CuratorFramework.class).getZookeeperClient().getZooKeeper());
		}
	}

	@Test
	void anUnknownBundleFailsTheImportNamingTheProperty() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> application(new SessionsMade()).properties(zk.jksBundle("zookeeper"))
				.run("--zk.tls.bundle=zookeper"))
			.withMessageContaining("zk.tls.bundle")
			.withMessageContaining("'zookeper'");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SslAutoConfiguration.class, ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class,
			ZkConfigAutoConfiguration.class })
	@EnableConfigurationProperties(ShopProperties.class)
	static class App {

	}

}
