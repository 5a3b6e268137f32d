package io.zkboot.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.zkboot.coordination.recipe.ZkRecipes;
import org.apache.curator.framework.CuratorFramework;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of {@link ZkRecipes}, the factory of kazoo's counters, barriers, parties,
 * queues, leases and set partitioner. Its default participant identifier is
 * {@code zk.registry.instance-id} when set, else {@code host:pid}.
 */
@AutoConfiguration(after = ZkAutoConfiguration.class)
@ConditionalOnClass(CuratorFramework.class)
@ConditionalOnBean(CuratorFramework.class)
public class ZkRecipesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZkRecipes zkRecipes(CuratorFramework client, Environment environment, ApplicationEventPublisher events) {
		String identifier = environment.getProperty("zk.registry.instance-id");
		return new ZkRecipes(client, (identifier != null && !identifier.isBlank()) ? identifier : hostAndPid(), events);
	}

	private static String hostAndPid() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "localhost";
		}
		return host + ":" + ProcessHandle.current().pid();
	}

}
