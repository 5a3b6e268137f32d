package io.zkboot.autoconfigure;

import io.zkboot.actuate.ZkHealthIndicator;
import io.zkboot.client.ZkConnectionStateTracker;
import io.zkboot.client.ZkDeferredStartup;
import org.apache.curator.framework.CuratorFramework;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code zookeeper} health indicator, when Spring Boot's health support is on the class
 * path ({@code management.health.zookeeper.enabled} turns it off).
 */
@AutoConfiguration(after = ZkAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean({ CuratorFramework.class, ZkConnectionStateTracker.class })
@ConditionalOnEnabledHealthIndicator("zookeeper")
public class ZkHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "zookeeperHealthIndicator")
	ZkHealthIndicator zookeeperHealthIndicator(CuratorFramework client, ZkConnectionStateTracker states,
			ObjectProvider<ZkDeferredStartup> deferredStartup) {
		return new ZkHealthIndicator(client, states, deferredStartup.getIfAvailable());
	}

}
