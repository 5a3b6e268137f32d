package io.zkboot.autoconfigure;


import io.zkboot.coordination.ZkLocks;
import io.zkboot.coordination.recipe.ZkRecipes;
import org.apache.curator.framework.CuratorFramework;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of {@link ZkRecipes}, the factory of kazoo's counters, barriers, parties,
 * queues, leases and set partitioner. Its default participant identifier is the application's
 * coordination identifier ({@link ZkLocks#identifier()}), and leases and partitioners take the
 * application's {@link ZkLocks}.
 */
@AutoConfiguration(after = ZkCoordinationAutoConfiguration.class)
@ConditionalOnClass(CuratorFramework.class)
@ConditionalOnBean(ZkLocks.class)
public class ZkRecipesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZkRecipes zkRecipes(ZkLocks locks, ApplicationEventPublisher events) {
		return new ZkRecipes(locks, events);
	}

}
