package io.zkboot.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.zkboot.core.ZkRetry;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.zookeeper.client.ZKClientConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.ssl.SslBundle;

/**
 * What a Curator client is built from: the connect string, credentials and TLS of the
 * {@link ZkConnectionDetails}, and the rest of {@code zk.*}. The one place that turns them
 * into a {@link CuratorFrameworkFactory.Builder}, for the application's client and for the
 * client of the {@code zk:} configuration loader alike. Two clients built from equal settings
 * are alike, which is how the application knows it may keep the loader's session.
 *
 * @param connectString where to connect
 * @param namespace {@code zk.namespace}, may be {@code null}
 * @param sessionTimeout {@code zk.session-timeout}
 * @param connectionTimeout {@code zk.connection-timeout}
 * @param retry {@code zk.retry.*}
 * @param readOnly {@code zk.read-only}
 * @param auth the session's credentials, {@code null} without
 * @param aclMode {@code zk.acl.mode}, or its default for the credentials
 * @param tls the SSL bundle's, else {@code zk.tls.*}; {@code null} without TLS
 */
public record ZkClientSettings(String connectString, @Nullable String namespace, Duration sessionTimeout,
		Duration connectionTimeout, Retry retry, boolean readOnly, ZkConnectionDetails.@Nullable Auth auth,
		ZkAclMode aclMode, @Nullable ZkTlsConfig tls) {

	/**
	 * The settings of a client that connects as the connection details say.
	 * @param properties {@code zk.*}, for what the details do not carry
	 * @param connectionDetails the connect string, credentials and SSL bundle
	 * @return the settings
	 */
	public static ZkClientSettings of(ZkProperties properties, ZkConnectionDetails connectionDetails) {
		return of(properties, connectionDetails.getConnectString(), connectionDetails.getAuth(),
				connectionDetails.getSslBundle());
	}

	/**
	 * The settings of a client.
	 * @param properties {@code zk.*}, for all but the following
	 * @param connectString where to connect
	 * @param auth the session's credentials, {@code null} for none
	 * @param sslBundle the TLS material, {@code null} for the key-store properties of
	 * {@code zk.tls.*} (when TLS is enabled)
	 * @return the settings
	 */
	public static ZkClientSettings of(ZkProperties properties, String connectString,
			ZkConnectionDetails.@Nullable Auth auth, @Nullable SslBundle sslBundle) {
		ZkProperties.Retry retry = properties.getRetry();
		ZkProperties.Tls tls = properties.getTls();
		ZkTlsConfig tlsConfig = (sslBundle != null) ? ZkTlsConfig.of(sslBundle, tls.isHostnameVerification())
				: tls.isEnabled() ? tls.toTlsConfig() : null;
		return new ZkClientSettings(connectString, properties.getNamespace(), properties.getSessionTimeout(),
				properties.getConnectionTimeout(),
				new Retry(retry.getBaseSleep(), retry.getMaxSleep(), retry.getMaxRetries()), properties.isReadOnly(),
				auth, aclMode(properties, auth), tlsConfig);
	}

	/**
	 * The ACL provider of {@code zk.acl.mode} for a client with or without credentials.
	 * @param properties {@code zk.*}
	 * @param auth the client's credentials, {@code null} for none
	 * @return the provider
	 */
	public static ACLProvider aclProvider(ZkProperties properties, ZkConnectionDetails.Auth auth) {
		return aclMode(properties, auth).provider(auth != null);
	}

	private static ZkAclMode aclMode(ZkProperties properties, ZkConnectionDetails.Auth auth) {
		return (properties.getAcl().getMode() != null) ? properties.getAcl().getMode()
				: ZkAclMode.defaultFor(auth != null);
	}

	/**
	 * The ACL provider of {@code zk.acl.mode}; providers of equal settings are equal.
	 * @return the provider
	 */
	public ACLProvider aclProvider() {
		return this.aclMode.provider(this.auth != null);
	}

	/**
	 * A builder configured from these settings, with {@link #aclProvider()}, and the retry policy
	 * of {@code zk.retry.*} as {@link ZkRetry#forClient} makes it (calls inside a
	 * {@code ZkTemplate.retry} function are retried by that alone).
	 * @return a new builder, to be customized and built by the caller
	 */
	public CuratorFrameworkFactory.Builder builder() {
		CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder();
		PropertyMapper map = PropertyMapper.get();
		map.from(this.connectString).to(builder::connectString);
		map.from(this.namespace).to(builder::namespace);
		map.from(this.sessionTimeout).asInt(Duration::toMillis).to(builder::sessionTimeoutMs);
		map.from(this.connectionTimeout).asInt(Duration::toMillis).to(builder::connectionTimeoutMs);
		map.from(this.retry).as(Retry::policy).as(ZkRetry::forClient).to(builder::retryPolicy);
		map.from(this.readOnly).to(builder::canBeReadOnly);
		map.from(this.auth)
			.to((auth) -> builder.authorization(auth.scheme(), auth.credentials().getBytes(StandardCharsets.UTF_8)));
		builder.aclProvider(aclProvider());
		ZKClientConfig clientConfig = new ZKClientConfig();
		map.from(this.tls).to((tls) -> tls.applyTo(clientConfig));
		builder.zkClientConfig(clientConfig);
		return builder;
	}

	@Override
	public String toString() {
		return this.connectString + ((this.namespace != null) ? " (namespace " + this.namespace + ")" : "");
	}

	/**
	 * {@code zk.retry.*}: exponential backoff, bounded.
	 *
	 * @param baseSleep sleep before the first retry
	 * @param maxSleep longest sleep
	 * @param maxRetries how many retries
	 */
	public record Retry(Duration baseSleep, Duration maxSleep, int maxRetries) {

		BoundedExponentialBackoffRetry policy() {
			return new BoundedExponentialBackoffRetry((int) this.baseSleep.toMillis(), (int) this.maxSleep.toMillis(),
					this.maxRetries);
		}

	}

}
