package io.zkboot.client;

import java.nio.file.Path;

import org.apache.zookeeper.client.ZKClientConfig;
import org.apache.zookeeper.common.ClientX509Util;
import org.jspecify.annotations.Nullable;

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
 */
public record ZkTlsConfig(@Nullable Path keyStore, @Nullable String keyStorePassword, @Nullable String keyStoreType,
		@Nullable Path trustStore, @Nullable String trustStorePassword, @Nullable String trustStoreType,
		boolean hostnameVerification) {

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
		}
	}

	private static void set(ZKClientConfig config, String name, Object value) {
		if (value != null) {
			config.setProperty(name, value.toString());
		}
	}

}
