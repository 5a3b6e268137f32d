package io.zkboot.client;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zkboot.actuate.ZkHealthIndicator;
import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkHealthContributorAutoConfiguration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client reaches a server that listens only on a secure client port, with a key store
 * the test makes, and sets no JVM-wide client property.
 */
class ZkTlsTests {

	private static final String PASSWORD = "changeit";

	@TempDir
	static Path dir;

	private static ZooKeeperServerEmbedded server;

	private static String connectString;

	private static Path keyStore;

	private static Path trustStore;

	@BeforeAll
	static void startSecureServer() throws Exception {
		keyStore = dir.resolve("zk.p12");
		trustStore = dir.resolve("trust.p12");
		Path certificate = dir.resolve("zk.crt");
		keytool("-genkeypair", "-alias", "zk", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
				keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-alias", "zk", "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-file",
				certificate.toString());
		keytool("-importcert", "-noprompt", "-alias", "zk", "-file", certificate.toString(), "-storetype", "PKCS12",
				"-keystore", trustStore.toString(), "-storepass", PASSWORD);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Properties config = new Properties();
		config.put("secureClientPort", Integer.toString(port));
		config.put("secureClientPortAddress", InetAddress.getLoopbackAddress().getHostAddress());
		config.put("serverCnxnFactory", "org.apache.zookeeper.server.NettyServerCnxnFactory");
		config.put("ssl.keyStore.location", keyStore.toString());
		config.put("ssl.keyStore.password", PASSWORD);
		config.put("ssl.trustStore.location", trustStore.toString());
		config.put("ssl.trustStore.password", PASSWORD);
		config.put("admin.enableServer", "false");
		config.put("dataDir", dir.resolve("data").toString());
		server = ZooKeeperServerEmbedded.builder()
			.baseDir(dir)
			.configuration(config)
			.exitHandler(ExitHandler.LOG_ONLY)
			.build();
		server.start(30_000);
		connectString = "localhost:" + port;
	}

	private static void keytool(String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process keytool = new ProcessBuilder(command).inheritIO().start();
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as("keytool %s", command).isZero();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void connectsOverTlsWithItsOwnClientConfiguration() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class))
			.withPropertyValues("zk.connect-string=" + connectString, "zk.startup.wait=20s", "zk.tls.enabled=true",
					"zk.tls.key-store=" + keyStore, "zk.tls.key-store-password=" + PASSWORD,
					"zk.tls.trust-store=" + trustStore, "zk.tls.trust-store-password=" + PASSWORD)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CuratorFramework client = context.getBean(CuratorFramework.class);
				client.create().forPath("/secure", "tls".getBytes());
				assertThat(client.getData().forPath("/secure")).asString().isEqualTo("tls");
				assertThat(client.getZookeeperClient().getZooKeeper().getClientConfig()
					.getBoolean("zookeeper.client.secure")).isTrue();
			});
		assertThat(System.getProperty("zookeeper.client.secure")).isNull();
		assertThat(System.getProperty("zookeeper.clientCnxnSocket")).isNull();
	}

	@Test
	void theHealthIndicatorReadsTheServerVersionOverTls() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ZkAutoConfiguration.class, ZkHealthContributorAutoConfiguration.class))
			.withPropertyValues("zk.connect-string=" + connectString, "zk.startup.wait=20s", "zk.tls.enabled=true",
					"zk.tls.key-store=" + keyStore, "zk.tls.key-store-password=" + PASSWORD,
					"zk.tls.trust-store=" + trustStore, "zk.tls.trust-store-password=" + PASSWORD)
			.run((context) -> {
				Health health = context.getBean(ZkHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails().get("serverVersion")).asString().startsWith("3.9.4");
			});
	}

	@Test
	void aClientWithoutTlsIsNotServed() throws Exception {
		try (CuratorFramework plain = CuratorFrameworkFactory.builder()
			.connectString(connectString)
			.retryPolicy(new RetryOneTime(10))
			.connectionTimeoutMs(1000)
			.build()) {
			plain.start();
			assertThat(plain.blockUntilConnected((int) Duration.ofSeconds(2).toMillis(), TimeUnit.MILLISECONDS))
				.isFalse();
		}
	}

}
