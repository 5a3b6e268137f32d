package io.zkboot.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real ZooKeeper server for a test class that listens only on a secure client port and
 * wants a client certificate ({@code @RegisterExtension static TlsZkServer zk = new
 * TlsZkServer();}). Its certificate (for localhost) is made with keytool, in a PKCS12 key
 * store that clients use too, and as PEM files; the PKCS12 trust store has it and the
 * certificate of another client ({@code CN=other}), which ZooKeeper's x509 authentication
 * tells apart from the first.
 */
public final class TlsZkServer implements BeforeAllCallback, AfterAllCallback {

	/** The password of the key store, its key, and the trust store. */
	public static final String PASSWORD = "changeit";

	private Path dir;

	private ZooKeeperServerEmbedded server;

	private String connectString;

	private Properties systemProperties;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		// the server's configuration sets zookeeper.ssl.*, zookeeper.serverCnxnFactory and the x509
		// auth provider as JVM-wide system properties; they are undone when the server stops
		this.systemProperties = (Properties) System.getProperties().clone();
		this.dir = Files.createTempDirectory("zk-tls-server");
		Path certificate = this.dir.resolve("zk.crt");
		keytool("-genkeypair", "-alias", "zk", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
				keyStore().toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", "zk", "-keystore", keyStore().toString(), "-storepass", PASSWORD,
				"-file", certificate.toString());
		keytool("-importcert", "-noprompt", "-alias", "zk", "-file", certificate.toString(), "-storetype", "PKCS12",
				"-keystore", trustStore().toString(), "-storepass", PASSWORD);
		keytool("-genkeypair", "-alias", "other", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=other", "-storetype", "PKCS12", "-keystore", otherKeyStore().toString(), "-storepass", PASSWORD,
				"-keypass", PASSWORD);
		Path otherCertificate = this.dir.resolve("other.crt");
		keytool("-exportcert", "-rfc", "-alias", "other", "-keystore", otherKeyStore().toString(), "-storepass",
				PASSWORD, "-file", otherCertificate.toString());
		keytool("-importcert", "-noprompt", "-alias", "other", "-file", otherCertificate.toString(), "-storetype",
				"PKCS12", "-keystore", trustStore().toString(), "-storepass", PASSWORD);
		writePrivateKeyPem();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Properties config = new Properties();
		config.put("secureClientPort", Integer.toString(port));
		config.put("secureClientPortAddress", InetAddress.getLoopbackAddress().getHostAddress());
		config.put("serverCnxnFactory", "org.apache.zookeeper.server.NettyServerCnxnFactory");
		config.put("ssl.keyStore.location", keyStore().toString());
		config.put("ssl.keyStore.password", PASSWORD);
		config.put("ssl.trustStore.location", trustStore().toString());
		config.put("ssl.trustStore.password", PASSWORD);
		config.put("admin.enableServer", "false");
		config.put("dataDir", this.dir.resolve("data").toString());
		this.server = ZooKeeperServerEmbedded.builder()
			.baseDir(this.dir)
			.configuration(config)
			.exitHandler(ExitHandler.LOG_ONLY)
			.build();
		this.server.start(30_000);
		this.connectString = "localhost:" + port;
	}

	private static void keytool(String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process keytool = new ProcessBuilder(command).inheritIO().start();
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as("keytool %s", command).isZero();
	}

	private void writePrivateKeyPem() throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore())) {
			store.load(in, PASSWORD.toCharArray());
		}
		byte[] key = store.getKey("zk", PASSWORD.toCharArray()).getEncoded();
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key)
				+ "\n-----END PRIVATE KEY-----\n";
		Files.writeString(privateKeyPem(), pem);
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		this.server.close();
		for (String name : System.getProperties().stringPropertyNames()) {
			if (name.startsWith("zookeeper.") && !this.systemProperties.containsKey(name)) {
				System.clearProperty(name);
			}
		}
		FileSystemUtils.deleteRecursively(this.dir);
	}

	/**
	 * Where clients connect.
	 * @return the connect string
	 */
	public String connectString() {
		return this.connectString;
	}

	/**
	 * The PKCS12 key store with the certificate of the server (and the clients).
	 * @return the file
	 */
	public Path keyStore() {
		return this.dir.resolve("zk.p12");
	}

	/**
	 * The PKCS12 key store of the other client ({@code CN=other}).
	 * @return the file
	 */
	public Path otherKeyStore() {
		return this.dir.resolve("other.p12");
	}

	/**
	 * The PKCS12 trust store with both certificates.
	 * @return the file
	 */
	public Path trustStore() {
		return this.dir.resolve("trust.p12");
	}

	/**
	 * The certificate as PEM.
	 * @return the file
	 */
	public Path certificatePem() {
		return this.dir.resolve("zk.crt");
	}

	/**
	 * The private key as unencrypted PKCS#8 PEM.
	 * @return the file
	 */
	public Path privateKeyPem() {
		return this.dir.resolve("zk.key");
	}

	/**
	 * The properties of an SSL bundle with the PKCS12 stores.
	 * @param name the bundle's name
	 * @return {@code spring.ssl.bundle.jks.<name>.*} properties
	 */
	public String[] jksBundle(String name) {
		String prefix = "spring.ssl.bundle.jks." + name + ".";
		return new String[] { prefix + "keystore.location=" + keyStore(), prefix + "keystore.password=" + PASSWORD,
				prefix + "keystore.type=PKCS12", prefix + "key.alias=zk", prefix + "truststore.location=" + trustStore(),
				prefix + "truststore.password=" + PASSWORD, prefix + "truststore.type=PKCS12" };
	}

	/**
	 * The properties of an SSL bundle with the PEM files.
	 * @param name the bundle's name
	 * @return {@code spring.ssl.bundle.pem.<name>.*} properties
	 */
	public String[] pemBundle(String name) {
		String prefix = "spring.ssl.bundle.pem." + name + ".";
		return new String[] { prefix + "keystore.certificate=" + certificatePem(),
				prefix + "keystore.private-key=" + privateKeyPem(),
				prefix + "truststore.certificate=" + certificatePem() };
	}

	/**
	 * A started client of the test's own, over TLS as the other client ({@code CN=other}).
	 * @param auth its credentials, {@code null} for none
	 * @return the client, connected
	 * @throws InterruptedException if interrupted while it connects
	 */
	public CuratorFramework client(ZkConnectionDetails.Auth auth) throws InterruptedException {
		ZKClientConfig config = new ZKClientConfig();
		new ZkTlsConfig(otherKeyStore(), PASSWORD, null, trustStore(), PASSWORD, null, true, null, null, null)
			.applyTo(config);
		CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
			.connectString(this.connectString)
			.retryPolicy(new RetryOneTime(100))
			.zkClientConfig(config);
		if (auth != null) {
			builder.authorization(auth.scheme(), auth.credentials().getBytes(StandardCharsets.UTF_8));
		}
		CuratorFramework client = builder.build();
		client.start();
		assertThat(client.blockUntilConnected(20, TimeUnit.SECONDS)).isTrue();
		return client;
	}

}
