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

/**
 * What a Curator client is built from, taken from {@code zk.*}: the one place that turns
 * {@link ZkProperties} into a {@link CuratorFrameworkFactory.Builder}, for the application's
 * client and for the client of the {@code zk:} configuration loader alike. Two clients built
 * from equal settings are alike, which is how the application knows it may keep the loader's
 * session.
 *
 * @param connectString where to connect
 * @param namespace {@code zk.namespace}, may be {@code null}
 * @param sessionTimeout {@code zk.session-timeout}
 * @param connectionTimeout {@code zk.connection-timeout}
 * @param retry {@code zk.retry.*}
 * @param readOnly {@code zk.read-only}
 * @param authScheme {@code zk.auth.scheme}, {@code null} without credentials
 * @param authCredentials {@code zk.auth.username:zk.auth.password}, {@code null} without
 * credentials
 * @param aclMode {@code zk.acl.mode}, or its default for the credentials
 * @param tls {@code zk.tls.*}, {@code null} without TLS
 */
public record ZkClientSettings(String connectString, @Nullable String namespace, Duration sessionTimeout,
		Duration connectionTimeout, Retry retry, boolean readOnly, @Nullable String authScheme, @Nullable String authCredentials,
		ZkAclMode aclMode, @Nullable ZkTlsConfig tls) {

	/**
	 * The settings of {@code zk.*}.
	 * @param properties {@code zk.*}
	 * @param connectString where to connect ({@code zk.connect-string}, or what a
	 * {@link ZkConnectionDetails} says)
	 * @return the settings
	 */
	public static ZkClientSettings of(ZkProperties properties, String connectString) {
		ZkProperties.Auth auth = properties.getAuth();
		ZkProperties.Retry retry = properties.getRetry();
		ZkAclMode aclMode = (properties.getAcl().getMode() != null) ? properties.getAcl().getMode()
				: ZkAclMode.defaultFor(auth.isEnabled());
		return new ZkClientSettings(connectString, properties.getNamespace(), properties.getSessionTimeout(),
				properties.getConnectionTimeout(),
				new Retry(retry.getBaseSleep(), retry.getMaxSleep(), retry.getMaxRetries()), properties.isReadOnly(),
				auth.isEnabled() ? auth.getScheme() : null, auth.isEnabled() ? auth.credentials() : null, aclMode,
				properties.getTls().isEnabled() ? properties.getTls().toTlsConfig() : null);
	}

	/**
	 * The ACL provider of {@code zk.acl.mode}; providers of equal settings are equal.
	 * @return the provider
	 */
	public ACLProvider aclProvider() {
		return this.aclMode.provider(this.authScheme != null);
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
		map.from(this.authCredentials)
			.as((credentials) -> credentials.getBytes(StandardCharsets.UTF_8))
			.to((credentials) -> builder.authorization(this.authScheme, credentials));
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
