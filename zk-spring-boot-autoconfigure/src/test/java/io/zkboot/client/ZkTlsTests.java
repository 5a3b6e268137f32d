package io.zkboot.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.zkboot.actuate.ZkHealthIndicator;
import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkHealthContributorAutoConfiguration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.common.ClientX509Util;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client reaches a server that listens only on a secure client port and wants a client
 * certificate: with key-store properties, with an SSL bundle (PEM and PKCS12), and with the
 * connection details of a bean; it sets no JVM-wide client property.
 */
class ZkTlsTests {

	private static final String PASSWORD = TlsZkServer.PASSWORD;

	@RegisterExtension
	static TlsZkServer zk = new TlsZkServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, ZkAutoConfiguration.class,
				ZkHealthContributorAutoConfiguration.class))
		.withPropertyValues("zk.connect-string=" + zk.connectString(), "zk.startup.wait=20s");

	@Test
	void connectsOverTlsWithItsOwnClientConfiguration() {
		this.runner
			.withPropertyValues("zk.tls.enabled=true", "zk.tls.key-store=" + zk.keyStore(),
					"zk.tls.key-store-password=" + PASSWORD, "zk.tls.trust-store=" + zk.trustStore(),
					"zk.tls.trust-store-password=" + PASSWORD)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CuratorFramework client = context.getBean(CuratorFramework.class);
				client.create().forPath("/secure", "tls".getBytes());
				assertThat(client.getData().forPath("/secure")).asString().isEqualTo("tls");
				assertThat(clientConfig(client).getBoolean("zookeeper.client.secure")).isTrue();
				assertThat(clientConfig(client).getProperty(new ClientX509Util().getSslKeystoreLocationProperty()))
					.isEqualTo(zk.keyStore().toString());
			});
		assertThat(System.getProperty("zookeeper.client.secure")).isNull();
		assertThat(System.getProperty("zookeeper.clientCnxnSocket")).isNull();
	}

	@Test
	void theHealthIndicatorReadsTheServerVersionOverTls() {
		this.runner
			.withPropertyValues("zk.tls.enabled=true", "zk.tls.key-store=" + zk.keyStore(),
					"zk.tls.key-store-password=" + PASSWORD, "zk.tls.trust-store=" + zk.trustStore(),
					"zk.tls.trust-store-password=" + PASSWORD)
			.run(ZkTlsTests::assertHealthUpWithVersion);
	}

	@Test
	void connectsWithAPemBundleWrittenToOwnerOnlyStores() {
		this.runner.withPropertyValues(zk.pemBundle("zookeeper")).withPropertyValues("zk.tls.bundle=zookeeper")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CuratorFramework client = context.getBean(CuratorFramework.class);
				client.create().forPath("/pem", "pem".getBytes());
				assertThat(client.getData().forPath("/pem")).asString().isEqualTo("pem");
				ClientX509Util x509 = new ClientX509Util();
				for (String store : new String[] { x509.getSslKeystoreLocationProperty(),
						x509.getSslTruststoreLocationProperty() }) {
					Path file = Path.of(clientConfig(client).getProperty(store));
					assertThat(file.getFileName().toString()).startsWith("zk-tls-").endsWith(".p12");
					assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
						.isEqualTo("rw-------");
				}
			});
	}

	@Test
	void connectsWithAPkcs12BundleAndReportsHealthOverTls() {
		this.runner.withPropertyValues(zk.jksBundle("zookeeper")).withPropertyValues("zk.tls.bundle=zookeeper")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CuratorFramework client = context.getBean(CuratorFramework.class);
				client.create().forPath("/pkcs12", "pkcs12".getBytes());
				assertThat(client.getData().forPath("/pkcs12")).asString().isEqualTo("pkcs12");
				assertHealthUpWithVersion(context);
			});
	}

	@Test
	void aBundleOfEqualContentIsWrittenOnce() {
		this.runner.withPropertyValues(zk.jksBundle("zookeeper")).withPropertyValues("zk.tls.bundle=zookeeper")
			.run((first) -> this.runner.withPropertyValues(zk.jksBundle("other"))
				.withPropertyValues("zk.tls.bundle=other")
				.run((second) -> assertThat(keyStoreOf(second)).isEqualTo(keyStoreOf(first))));
	}

	@Test
	void anUnknownBundleFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues(zk.jksBundle("zookeeper")).withPropertyValues("zk.tls.bundle=zookeper")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("zk.tls.bundle")
				.hasMessageContaining("'zookeper'")
				.hasMessageContaining("SSL bundle name 'zookeper' cannot be found"));
	}

	@Test
	void aBundleWhoseKeyCannotBeReadFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues(zk.jksBundle("zookeeper"))
			.withPropertyValues("spring.ssl.bundle.jks.zookeeper.key.password=wrong", "zk.tls.bundle=zookeeper")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("zk.tls.bundle with value 'zookeeper'")
				.hasMessageContaining("Cannot read the key and trust stores of the ZooKeeper client's SSL bundle")
				.hasMessageContaining("UnrecoverableKeyException"));
	}

	@Test
	void aBundleWithAKeyStoreFailsStartupNamingBoth() {
		this.runner.withPropertyValues(zk.jksBundle("zookeeper"))
			.withPropertyValues("zk.tls.bundle=zookeeper", "zk.tls.key-store=" + zk.keyStore())
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(MutuallyExclusiveConfigurationPropertiesException.class,
						(ex) -> assertThat(ex.getConfiguredNames()).containsExactly("zk.tls.bundle",
								"zk.tls.key-store")));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void startupFailuresAreReportedWithTheProperties(CapturedOutput output) {
		assertThatException().isThrownBy(() -> application().run("--zk.tls.bundle=zookeper"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value 'zookeper' for configuration property 'zk.tls.bundle'")
			.contains("SSL bundle name 'zookeper' cannot be found");
		assertThatException().isThrownBy(
				() -> application().run("--zk.tls.bundle=zookeeper", "--zk.tls.trust-store=" + zk.trustStore()));
		assertThat(output)
			.contains("The following configuration properties are mutually exclusive:\n\n\tzk.tls.bundle\n"
					+ "\tzk.tls.trust-store");
	}

	@Test
	void aConnectionDetailsBeanSuppliesCredentialsAndTheBundle() throws Exception {
		ZkConnectionDetails.Auth alice = ZkConnectionDetails.Auth.digest("alice", "secret");
		SslBundle bundle = SslBundle.of(new JksSslStoreBundle(
				new JksSslStoreDetails("PKCS12", null, zk.keyStore().toString(), PASSWORD),
				new JksSslStoreDetails("PKCS12", null, zk.trustStore().toString(), PASSWORD)));
		ZkConnectionDetails details = new ZkConnectionDetails() {

			@Override
			public String getConnectString() {
				return zk.connectString();
			}

			@Override
			public Auth getAuth() {
				return alice;
			}

			@Override
			public SslBundle getSslBundle() {
				return bundle;
			}

		};
		// zk.connect-string and zk.auth.* are the properties' details', not the bean's
		this.runner.withBean(ZkConnectionDetails.class, () -> details)
			.withPropertyValues("zk.connect-string=localhost:1", "zk.auth.username=bob")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CuratorFramework client = context.getBean(CuratorFramework.class);
				client.create().forPath("/alice", "hers".getBytes());
				// creator-all: alice's digest, and the x509 identity of the certificate
				assertThat(client.getACL().forPath("/alice")).contains(new ACL(ZooDefs.Perms.ALL,
						new Id("digest", DigestAuthenticationProvider.generateDigest("alice:secret"))));
			});
		// another client, with a certificate of its own
		try (CuratorFramework withCredentials = zk.client(alice)) {
			assertThat(withCredentials.getData().forPath("/alice")).asString().isEqualTo("hers");
		}
		try (CuratorFramework without = zk.client(null)) {
			assertThatExceptionOfType(KeeperException.NoAuthException.class)
				.isThrownBy(() -> without.getData().forPath("/alice"));
		}
	}

	@Test
	void aClientWithoutTlsIsNotServed() throws Exception {
		try (CuratorFramework plain = CuratorFrameworkFactory.builder()
			.connectString(zk.connectString())
			.retryPolicy(new RetryOneTime(10))
			.connectionTimeoutMs(1000)
			.build()) {
			plain.start();
			assertThat(plain.blockUntilConnected((int) Duration.ofSeconds(2).toMillis(), TimeUnit.MILLISECONDS))
				.isFalse();
		}
	}

	private static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties(zk.jksBundle("zookeeper"))
			.properties("zk.connect-string=" + zk.connectString());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SslAutoConfiguration.class, ZkAutoConfiguration.class })
	static class App {

	}

	private static void assertHealthUpWithVersion(AssertableApplicationContext context) {
		Health health = context.getBean(ZkHealthIndicator.class).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("serverVersion")).asString().startsWith("3.9.4");
	}

	private static String keyStoreOf(AssertableApplicationContext context) throws Exception {
		return clientConfig(context.getBean(CuratorFramework.class))
			.getProperty(new ClientX509Util().getSslKeystoreLocationProperty());
	}

	private static ZKClientConfig clientConfig(CuratorFramework client) throws Exception {
		return client.getZookeeperClient().getZooKeeper().getClientConfig();
	}

}
