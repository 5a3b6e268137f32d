package io.zkboot.autoconfigure;

import java.util.concurrent.ExecutorService;

import io.zkboot.client.ZkDeferredStartup;
import io.zkboot.config.ConfigurationPropertiesRebinder;
import io.zkboot.config.ZkConfigProperties;
import io.zkboot.config.ZkConfigRefresher;
import org.apache.curator.framework.CuratorFramework;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Auto-configuration of configuration loaded from ZooKeeper: watches the nodes imported with
 * {@code spring.config.import=zk:...} and re-binds the configuration properties beans when
 * they change (unless {@code zk.config.watch=false}).
 */
@AutoConfiguration(after = { ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class })
@ConditionalOnClass(CuratorFramework.class)
@ConditionalOnBean(CuratorFramework.class)
@ConditionalOnProperty(name = "zk.config.watch", matchIfMissing = true)
@EnableConfigurationProperties(ZkConfigProperties.class)
public class ZkConfigAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static ConfigurationPropertiesRebinder zkConfigurationPropertiesRebinder(ApplicationContext context) {
		return new ConfigurationPropertiesRebinder(context);
	}

	@Bean
	@ConditionalOnMissingBean
	ZkConfigRefresher zkConfigRefresher(ConfigurableEnvironment environment, CuratorFramework client,
			@Qualifier(ZkWatchAutoConfiguration.WATCH_POOL) ExecutorService pool,
			ConfigurationPropertiesRebinder rebinder, ApplicationContext context,
			ObjectProvider<ZkDeferredStartup> deferredStartup) {
		return new ZkConfigRefresher(environment, client, pool, rebinder, context, deferredStartup.getIfAvailable());
	}

}
