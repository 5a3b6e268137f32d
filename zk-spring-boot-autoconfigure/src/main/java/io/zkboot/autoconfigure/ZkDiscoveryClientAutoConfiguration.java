package io.zkboot.autoconfigure;

import io.zkboot.discovery.ZkDiscoveryClient;
import io.zkboot.discovery.ZkServiceCatalog;
import org.apache.curator.framework.CuratorFramework;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.CommonsClientAutoConfiguration;
import org.springframework.cloud.client.ConditionalOnBlockingDiscoveryEnabled;
import org.springframework.cloud.client.ConditionalOnDiscoveryEnabled;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.discovery.simple.SimpleDiscoveryClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of service discovery over ZooKeeper: the {@link ZkServiceCatalog}
 * and the blocking {@link DiscoveryClient}.
 */
@AutoConfiguration(after = ZkAutoConfiguration.class,
		before = { SimpleDiscoveryClientAutoConfiguration.class, CommonsClientAutoConfiguration.class })
@ConditionalOnClass({ DiscoveryClient.class, CuratorFramework.class })
@ConditionalOnBean(CuratorFramework.class)
@ConditionalOnDiscoveryEnabled
@ConditionalOnBooleanProperty(name = "zk.discovery.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ZkDiscoveryProperties.class)
public class ZkDiscoveryClientAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ZkServiceCatalog zkServiceCatalog(CuratorFramework client, ZkDiscoveryProperties properties,
			ApplicationContext context) {
		return new ZkServiceCatalog(client, properties.getRoot(), properties.getProviders(),
				properties.getFirstLookupTimeout(), context);
	}

	/**
	 * The blocking client, unless blocking discovery is disabled.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBlockingDiscoveryEnabled
	static class BlockingDiscoveryClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ZkDiscoveryClient zkDiscoveryClient(ZkServiceCatalog catalog) {
			return new ZkDiscoveryClient(catalog);
		}

	}

}
