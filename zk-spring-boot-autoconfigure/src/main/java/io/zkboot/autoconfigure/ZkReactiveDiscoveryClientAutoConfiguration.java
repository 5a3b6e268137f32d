package io.zkboot.autoconfigure;

import io.zkboot.discovery.ZkReactiveDiscoveryClient;
import io.zkboot.discovery.ZkServiceCatalog;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.client.ConditionalOnDiscoveryEnabled;
import org.springframework.cloud.client.ConditionalOnReactiveDiscoveryEnabled;
import org.springframework.cloud.client.ReactiveCommonsClientAutoConfiguration;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryClientAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link ReactiveDiscoveryClient} over ZooKeeper, sharing the
 * {@link ZkServiceCatalog} of {@link ZkDiscoveryClientAutoConfiguration}.
 */
@AutoConfiguration(after = ZkDiscoveryClientAutoConfiguration.class,
		before = { SimpleReactiveDiscoveryClientAutoConfiguration.class, ReactiveCommonsClientAutoConfiguration.class })
@ConditionalOnClass({ ReactiveDiscoveryClient.class, Flux.class })
@ConditionalOnBean(ZkServiceCatalog.class)
@ConditionalOnDiscoveryEnabled
@ConditionalOnReactiveDiscoveryEnabled
public class ZkReactiveDiscoveryClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZkReactiveDiscoveryClient zkReactiveDiscoveryClient(ZkServiceCatalog catalog) {
		return new ZkReactiveDiscoveryClient(catalog);
	}

}
