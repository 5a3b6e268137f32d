package io.zkboot.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.zkboot.client.CuratorFrameworkBuilderCustomizer;
import io.zkboot.client.ZkConnectionDetails;
import io.zkboot.client.ZkBootstrapClient;
import io.zkboot.client.ZkClientSettings;
import io.zkboot.client.ZkConnectString;
import io.zkboot.client.ZkConnectionAwaiter;
import io.zkboot.client.ZkConnectionStateTracker;
import io.zkboot.client.ZkDeferredStartup;
import io.zkboot.client.ZkProperties;
import io.zkboot.client.ZkStartupWaited;
import io.zkboot.core.ZkObservationConvention;
import io.zkboot.core.ZkRetry;
import io.zkboot.core.ZkTemplate;
import org.apache.curator.RetryPolicy;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the ZooKeeper client: a started {@link CuratorFramework} built
 * from the {@link ZkConnectionDetails} ({@code zk.connect-string}, {@code zk.auth.*} and the
 * SSL bundle of {@code zk.tls.bundle} unless a bean says otherwise) and {@code zk.*}, a
 * {@link ZkTemplate} on it, and {@link io.zkboot.client.ZkConnectionStateEvent}s on every
 * change of its connection.
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnClass(CuratorFramework.class)
@EnableConfigurationProperties(ZkProperties.class)
public class ZkAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ZkConnectionDetails.class)
	PropertiesZkConnectionDetails zkConnectionDetails(ZkProperties properties,
			ObjectProvider<SslBundles> sslBundles) {
		return new PropertiesZkConnectionDetails(properties, sslBundles.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	ACLProvider zkAclProvider(ZkProperties properties, ZkConnectionDetails connectionDetails) {
		return ZkClientSettings.aclProvider(properties, connectionDetails.getAuth());
	}

	/**
	 * The client: the {@code zk:} configuration loader's, when it made one and this one would
	 * be built alike (its session is kept), else one built from {@code zk.*} by
	 * {@link ZkClientSettings#builder()}, the loader's code, and the customizers. A
	 * {@link RetryPolicy} bean takes the place of {@code zk.retry.*} (on the loader's client too,
	 * from now on).
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	CuratorFramework curatorFramework(ZkProperties properties, ZkConnectionDetails connectionDetails,
			ACLProvider aclProvider, ObjectProvider<CuratorFrameworkBuilderCustomizer> customizers,
			ObjectProvider<ZkStartupWaited> startupWaited, ObjectProvider<ZkBootstrapClient> bootstrapClient,
			ObjectProvider<RetryPolicy> retryPolicy) {
		String connectString = connectionDetails.getConnectString();
		check(connectString, connectionDetails);
		ZkClientSettings settings = ZkClientSettings.of(properties, connectionDetails);
		List<CuratorFrameworkBuilderCustomizer> builderCustomizers = customizers.orderedStream().toList();
		ZkBootstrapClient loaders = bootstrapClient.getIfAvailable();
		CuratorFramework client = (loaders != null)
				? loaders.adopt(settings, aclProvider, !builderCustomizers.isEmpty()) : null;
		RetryPolicy policy = retryPolicy.getIfAvailable();
		if (client != null && policy != null) {
			client.getZookeeperClient().setRetryPolicy(ZkRetry.forClient(policy));
		}
		if (client == null) {
			CuratorFrameworkFactory.Builder builder = settings.builder().aclProvider(aclProvider);
			if (policy != null) {
				builder.retryPolicy(ZkRetry.forClient(policy));
			}
			builderCustomizers.forEach((customizer) -> customizer.customize(builder));
			client = builder.build();
			client.start();
		}
		try {
			ZkStartupWaited waited = startupWaited.getIfAvailable();
			new ZkConnectionAwaiter(properties.getStartup().getWait(), properties.getStartup().isFailFast())
				.await(client, connectString, (waited != null) ? waited.waitedFor(connectString) : Duration.ZERO);
		}
		catch (RuntimeException ex) {
			client.close();
			throw ex;
		}
		return client;
	}

	/**
	 * Refuses a malformed connect string at once (the client would retry it in the background
	 * until the startup wait passes), naming the property when it comes from one.
	 */
	private static void check(String connectString, ZkConnectionDetails connectionDetails) {
		try {
			ZkConnectString.parse(connectString);
		}
		catch (IllegalArgumentException ex) {
			if (connectionDetails instanceof PropertiesZkConnectionDetails) {
				throw new InvalidConfigurationPropertyValueException("zk.connect-string", connectString,
						ex.getMessage());
			}
			throw new IllegalStateException("Invalid ZooKeeper connect string '" + connectString + "' from "
					+ connectionDetails.getClass().getName() + ": " + ex.getMessage(), ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	ZkTemplate zkTemplate(CuratorFramework client, ACLProvider aclProvider,
			ObjectProvider<ObservationRegistry> observationRegistry, ObjectProvider<ZkObservationConvention> convention) {
		ZkTemplate template = new ZkTemplate(client, aclProvider,
				observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
		convention.ifAvailable(template::setObservationConvention);
		return template;
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ZkConnectionStateTracker zkConnectionStateTracker(CuratorFramework client, ApplicationEventPublisher publisher) {
		return new ZkConnectionStateTracker(client, publisher::publishEvent);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ZkDeferredStartup zkDeferredStartup(CuratorFramework client, ApplicationContext context) {
		return new ZkDeferredStartup(client, context);
	}

	@Bean
	SmartLifecycle zkConnectionStateEventsLifecycle(ZkConnectionStateTracker tracker) {
		return new ConnectionStateEventsLifecycle(tracker);
	}

	/**
	 * Holds connection-state events back until the context has started, so that every
	 * listener, {@code @EventListener} methods included, sees the first CONNECTED.
	 */
	static final class ConnectionStateEventsLifecycle implements SmartLifecycle {

		private final ZkConnectionStateTracker tracker;

		private volatile boolean running;

		ConnectionStateEventsLifecycle(ZkConnectionStateTracker tracker) {
			this.tracker = tracker;
		}

		@Override
		public void start() {
			this.tracker.open();
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return Integer.MIN_VALUE;
		}

	}

}
