package io.zkboot.autoconfigure;

import java.net.InetAddress;
import java.util.List;
import java.util.UUID;

import io.zkboot.client.ZkDeferredStartup;
import io.zkboot.discovery.HostAddresses;
import io.zkboot.discovery.ZkAutoServiceRegistration;
import io.zkboot.discovery.ZkLifecycleAutoServiceRegistration;
import io.zkboot.discovery.ZkRegistration;
import io.zkboot.discovery.ZkRegistrationRestorer;
import io.zkboot.discovery.ZkServiceRegistry;
import io.zkboot.discovery.ZkServiceRegistryEndpointWebExtension;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.client.serviceregistry.AutoServiceRegistrationAutoConfiguration;
import org.springframework.cloud.client.serviceregistry.AutoServiceRegistrationProperties;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.cloud.client.serviceregistry.ServiceRegistryAutoConfiguration;
import org.springframework.cloud.client.serviceregistry.endpoint.ServiceRegistryEndpoint;
import org.springframework.cloud.commons.util.InetUtils;
import org.springframework.cloud.commons.util.InetUtilsProperties;
import org.springframework.cloud.commons.util.UtilAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of the Spring Cloud {@link ServiceRegistry} over ZooKeeper, the
 * application's {@link ZkRegistration}, its registration when the web server is initialized
 * (or, without a web server, when the context starts, if {@code zk.registry.port} is set), and
 * its re-registration after a new session.
 */
@AutoConfiguration(
		after = { ZkAutoConfiguration.class, AutoServiceRegistrationAutoConfiguration.class,
				UtilAutoConfiguration.class },
		before = ServiceRegistryAutoConfiguration.class)
@ConditionalOnClass({ ServiceRegistry.class, CuratorFramework.class })
@ConditionalOnBean(CuratorFramework.class)
@ConditionalOnBooleanProperty(name = "spring.cloud.service-registry.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "zk.registry.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ ZkRegistryProperties.class, ZkDiscoveryProperties.class })
public class ZkServiceRegistryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZkServiceRegistry zkServiceRegistry(CuratorFramework client, ApplicationContext context) {
		return new ZkServiceRegistry(client, context);
	}

	@Bean
	ZkRegistrationRestorer zkRegistrationRestorer(ZkServiceRegistry registry, CuratorFramework client) {
		return new ZkRegistrationRestorer(registry, client);
	}

	@Bean
	@ConditionalOnMissingBean
	ZkRegistration zkRegistration(ZkRegistryProperties properties, ZkDiscoveryProperties discovery,
			Environment environment, ObjectProvider<InetUtils> inetUtils) {
		String serviceId = (properties.getServiceId() != null) ? properties.getServiceId()
				: environment.getProperty("spring.application.name", "application");
		String path = (properties.getPath() != null) ? properties.getPath()
				: ZKPaths.makePath(discovery.getRoot(), serviceId, discovery.getProviders());
		String instanceId = (properties.getInstanceId() != null) ? properties.getInstanceId()
				: UUID.randomUUID().toString();
		int port = (properties.getPort() != null) ? properties.getPort() : 0;
		return new ZkRegistration(serviceId, instanceId, path, hosts(properties, environment, inetUtils), port,
				properties.isSecure(), properties.getMetadata());
	}

	/**
	 * The configured host; else every address with {@code zk.registry.all-addresses} (zc.zk's
	 * choice); else the one Spring Cloud's {@link InetUtils} chooses: its bean, or without one
	 * ({@code spring.cloud.util.enabled=false}) one made from {@code spring.cloud.inetutils.*}.
	 */
	private static List<String> hosts(ZkRegistryProperties properties, Environment environment,
			ObjectProvider<InetUtils> inetUtils) {
		if (StringUtils.hasText(properties.getHost())) {
			return List.of(properties.getHost().trim());
		}
		if (properties.isAllAddresses()) {
			return HostAddresses.ofMachine();
		}
		InetUtils shared = inetUtils.getIfAvailable();
		if (shared != null) {
			return List.of(ipAddress(shared));
		}
		InetUtilsProperties settings = Binder.get(environment)
			.bind(InetUtilsProperties.PREFIX, InetUtilsProperties.class)
			.orElseGet(InetUtilsProperties::new);
		try (InetUtils own = new InetUtils(settings)) {
			return List.of(ipAddress(own));
		}
	}

	/**
	 * The address {@link InetUtils#findFirstNonLoopbackHostInfo()} would give, without the
	 * host name it also looks up (a reverse DNS lookup on the main thread, up to
	 * {@code spring.cloud.inetutils.timeout-seconds}) that the registration does not use. A
	 * subclass of {@code InetUtils} is asked as it expects to be.
	 */
	private static String ipAddress(InetUtils inetUtils) {
		if (inetUtils.getClass() != InetUtils.class) {
			return inetUtils.findFirstNonLoopbackHostInfo().getIpAddress();
		}
		InetAddress address = inetUtils.findFirstNonLoopbackAddress();
		return (address != null) ? address.getHostAddress() : inetUtils.findFirstNonLoopbackHostInfo().getIpAddress();
	}

	/**
	 * A status the registry does not store answers 400 at the {@code serviceregistry}
	 * endpoint.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ConditionalOnAvailableEndpoint.class, ServiceRegistryEndpoint.class })
	@ConditionalOnAvailableEndpoint(ServiceRegistryEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ZkServiceRegistryEndpointWebExtension zkServiceRegistryEndpointWebExtension(ZkServiceRegistry registry,
				ZkRegistration registration) {
			return new ZkServiceRegistryEndpointWebExtension(registry, registration);
		}

	}

	/**
	 * Registers when the web server is initialized, with its port.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	@ConditionalOnClass(name = "org.springframework.boot.web.server.context.WebServerInitializedEvent")
	@ConditionalOnBean(AutoServiceRegistrationProperties.class)
	@ConditionalOnBooleanProperty(name = "spring.cloud.service-registry.auto-registration.enabled",
			matchIfMissing = true)
	static class WebServerRegistration {

		@Bean
		@ConditionalOnMissingBean
		ZkAutoServiceRegistration zkAutoServiceRegistration(ApplicationContext context, ZkServiceRegistry registry,
				ZkRegistration registration, AutoServiceRegistrationProperties properties,
				ZkDeferredStartup deferredStartup) {
			return new ZkAutoServiceRegistration(context, registry, registration, properties, deferredStartup);
		}

	}

	/**
	 * Without a web server there is no port to take: registers when the context starts, and
	 * only when {@code zk.registry.port} is set.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnNotWebApplication
	@ConditionalOnProperty("zk.registry.port")
	@ConditionalOnBean(AutoServiceRegistrationProperties.class)
	@ConditionalOnBooleanProperty(name = "spring.cloud.service-registry.auto-registration.enabled",
			matchIfMissing = true)
	static class ConfiguredPortRegistration {

		@Bean
		@ConditionalOnMissingBean
		ZkLifecycleAutoServiceRegistration zkLifecycleAutoServiceRegistration(ZkServiceRegistry registry,
				ZkRegistration registration, ApplicationEventPublisher publisher, ZkDeferredStartup deferredStartup) {
			return new ZkLifecycleAutoServiceRegistration(registry, registration, publisher, deferredStartup);
		}

	}

}
