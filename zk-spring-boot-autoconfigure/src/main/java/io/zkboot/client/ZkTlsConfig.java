package io.zkboot.client;

import java.nio.file.Path;

import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.common.ClientX509Util;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.util.StringUtils;

/**
 * TLS settings of one client, applied to its own {@link ZKClientConfig} so that nothing
 * is set JVM-wide.
 *
 * @param keyStore key store with the client's certificate, or null
 * @param keyStorePassword its password, or null
 * @param keyStoreType its type (PKCS12, JKS, PEM), or null to derive it from the file name
 * @param trustStore trust store for the server's certificate, or null for the JDK's
 * @param trustStorePassword its password, or null
 * @param trustStoreType its type, or null to derive it from the file name
 * @param hostnameVerification whether the server's host name must match its certificate
 * @param protocol the TLS protocol of the SSL context, or null for ZooKeeper's default
 * @param enabledProtocols comma-separated protocols to enable, or null for the protocol
 * @param ciphers comma-separated cipher suites to enable, or null for the defaults
 */
public record ZkTlsConfig(@Nullable Path keyStore, @Nullable String keyStorePassword, @Nullable String keyStoreType,
		@Nullable Path trustStore, @Nullable String trustStorePassword, @Nullable String trustStoreType,
		boolean hostnameVerification, @Nullable String protocol, @Nullable String enabledProtocols,
		@Nullable String ciphers) {

	/**
	 * The TLS settings of an SSL bundle. ZooKeeper's Netty client reads its key and trust
	 * material only from files named in its configuration (an SSL context supplier is not
	 * asked), so the bundle's stores are written to owner-only PKCS12 files, once for each
	 * content, deleted when the JVM exits. The bundle's protocol (unless the generic
	 * {@code TLS}), enabled protocols and ciphers are applied too.
	 * @param bundle the bundle
	 * @param hostnameVerification whether the server's host name must match its certificate
	 * @return the settings
	 */
	public static ZkTlsConfig of(SslBundle bundle, boolean hostnameVerification) {
		BundleStoreFiles files = BundleStoreFiles.of(bundle);
		SslOptions options = bundle.getOptions();
		String protocol = SslBundle.DEFAULT_PROTOCOL.equals(bundle.getProtocol()) ? null : bundle.getProtocol();
		return new ZkTlsConfig(files.keyStore(), files.password(), (files.keyStore() != null) ? "PKCS12" : null,
				files.trustStore(), files.password(), (files.trustStore() != null) ? "PKCS12" : null,
				hostnameVerification, protocol, commaSeparated(options.getEnabledProtocols()),
				commaSeparated(options.getCiphers()));
	}

	private static @Nullable String commaSeparated(String @Nullable [] values) {
		return (values != null && values.length > 0) ? StringUtils.arrayToCommaDelimitedString(values) : null;
	}

	/**
	 * Write these settings into a client configuration: secure connection over Netty,
	 * key and trust stores.
	 * @param config the client's configuration
	 */
	public void applyTo(ZKClientConfig config) {
		config.setProperty(ZKClientConfig.SECURE_CLIENT, "true");
		config.setProperty(ZKClientConfig.ZOOKEEPER_CLIENT_CNXN_SOCKET, "org.apache.zookeeper.ClientCnxnSocketNetty");
		try (ClientX509Util x509 = new ClientX509Util()) {
			set(config, x509.getSslKeystoreLocationProperty(), this.keyStore);
			set(config, x509.getSslKeystorePasswdProperty(), this.keyStorePassword);
			set(config, x509.getSslKeystoreTypeProperty(), this.keyStoreType);
			set(config, x509.getSslTruststoreLocationProperty(), this.trustStore);
			set(config, x509.getSslTruststorePasswdProperty(), this.trustStorePassword);
			set(config, x509.getSslTruststoreTypeProperty(), this.trustStoreType);
			config.setProperty(x509.getSslHostnameVerificationEnabledProperty(),
					Boolean.toString(this.hostnameVerification));
			set(config, x509.getSslProtocolProperty(), this.protocol);
			set(config, x509.getSslEnabledProtocolsProperty(), this.enabledProtocols);
			set(config, x509.getCipherSuitesProperty(), this.ciphers);
		}
	}

	private static void set(ZKClientConfig config, String name, Object value) {
		if (value != null) {
			config.setProperty(name, value.toString());
		}
	}

	@Override
	public String toString() {
		return "TLS (key store " + ((this.keyStore != null) ? this.keyStore : "none") + ", trust store "
				+ ((this.trustStore != null) ? this.trustStore : "of the JDK") + ")";
	}

}
