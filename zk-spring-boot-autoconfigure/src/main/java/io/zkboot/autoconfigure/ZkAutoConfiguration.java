package io.zkboot.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import io.zkboot.client.CuratorFrameworkBuilderCustomizer;
import io.zkboot.client.ZkConnectionDetails;
import io.zkboot.client.ZkAclMode;
import io.zkboot.client.ZkConnectionAwaiter;
import io.zkboot.client.ZkConnectionStateTracker;
import io.zkboot.client.ZkProperties;
import io.zkboot.core.ZkTemplate;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.client.ZKClientConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the ZooKeeper client: a started {@link CuratorFramework} built
 * from {@code zk.*}, a {@link ZkTemplate} on it, and
 * {@link io.zkboot.client.ZkConnectionStateEvent}s on every change of its connection.
 */
@AutoConfiguration
@ConditionalOnClass(CuratorFramework.class)
@EnableConfigurationProperties(ZkProperties.class)
public class ZkAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ZkConnectionDetails.class)
	PropertiesZkConnectionDetails zkConnectionDetails(ZkProperties properties) {
		return new PropertiesZkConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	ACLProvider zkAclProvider(ZkProperties properties) {
		boolean authenticated = properties.getAuth().isEnabled();
		ZkAclMode mode = (properties.getAcl().getMode() != null) ? properties.getAcl().getMode()
				: ZkAclMode.defaultFor(authenticated);
		return mode.provider(authenticated);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	CuratorFramework curatorFramework(ZkProperties properties, ZkConnectionDetails connectionDetails,
			ACLProvider aclProvider, ObjectProvider<CuratorFrameworkBuilderCustomizer> customizers) {
		String connectString = connectionDetails.getConnectString();
		CuratorFrameworkFactory.Builder builder = builder(properties, connectString).aclProvider(aclProvider);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		CuratorFramework client = builder.build();
		client.start();
		try {
			new ZkConnectionAwaiter(properties.getStartup().getWait(), properties.getStartup().isFailFast())
				.await(client, connectString);
		}
		catch (RuntimeException ex) {
			client.close();
			throw ex;
		}
		return client;
	}

	private CuratorFrameworkFactory.Builder builder(ZkProperties properties, String connectString) {
		ZkProperties.Retry retry = properties.getRetry();
		CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
			.connectString(connectString)
			.namespace(properties.getNamespace())
			.sessionTimeoutMs((int) properties.getSessionTimeout().toMillis())
			.connectionTimeoutMs((int) properties.getConnectionTimeout().toMillis())
			.retryPolicy(new ExponentialBackoffRetry((int) retry.getBaseSleep().toMillis(), retry.getMaxRetries(),
					(int) retry.getMaxSleep().toMillis()))
			.canBeReadOnly(properties.isReadOnly());
		ZkProperties.Auth auth = properties.getAuth();
		if (auth.isEnabled()) {
			builder.authorization(auth.getScheme(), auth.credentials().getBytes());
		}
		ZKClientConfig clientConfig = new ZKClientConfig();
		if (properties.getTls().isEnabled()) {
			properties.getTls().toTlsConfig().applyTo(clientConfig);
		}
		builder.zkClientConfig(clientConfig);
		return builder;
	}

	@Bean
	@ConditionalOnMissingBean
	ZkTemplate zkTemplate(CuratorFramework client, ACLProvider aclProvider,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		return new ZkTemplate(client, aclProvider, observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ZkConnectionStateTracker zkConnectionStateTracker(CuratorFramework client, ApplicationEventPublisher publisher) {
		return new ZkConnectionStateTracker(client, publisher::publishEvent);
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
