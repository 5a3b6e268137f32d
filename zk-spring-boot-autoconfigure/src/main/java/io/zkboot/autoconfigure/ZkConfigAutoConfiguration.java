package io.zkboot.autoconfigure;

import java.util.concurrent.ExecutorService;

import io.zkboot.client.ZkDeferredStartup;
import io.zkboot.config.ConfigurationPropertiesRebinder;
import io.zkboot.config.ZkCloudRefresh;
import io.zkboot.config.ZkConfigProperties;
import io.zkboot.config.ZkConfigRefresher;
import io.zkboot.config.ZkLoggingRebinder;
import io.zkboot.embedded.EmbeddedZooKeeper;
import org.apache.curator.framework.CuratorFramework;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LoggerGroups;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.context.refresh.ContextRefresher;
import org.springframework.cloud.context.scope.refresh.RefreshScope;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Auto-configuration of configuration loaded from ZooKeeper: watches the nodes imported with
 * {@code spring.config.import=zk:...} and re-binds the configuration properties beans when
 * they change (unless {@code zk.config.watch=false}), sets changed {@code logging.level.*},
 * and, with Spring Cloud Context, publishes {@code EnvironmentChangeEvent}s, refreshes
 * {@code @RefreshScope} beans and lets Spring Cloud's refresh read with the application's
 * client.
 */
@AutoConfiguration(after = { ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class },
		afterName = "org.springframework.cloud.autoconfigure.RefreshAutoConfiguration")
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

	@Bean
	@ConditionalOnBean(LoggingSystem.class)
	@ConditionalOnMissingBean
	ZkLoggingRebinder zkLoggingRebinder(LoggingSystem loggingSystem, ObjectProvider<LoggerGroups> groups,
			ConfigurableEnvironment environment) {
		return new ZkLoggingRebinder(loggingSystem, groups.getIfAvailable(), environment);
	}

	/**
	 * With Spring Cloud Context: {@code EnvironmentChangeEvent}s, {@code @RefreshScope}
	 * beans, and a bootstrap context for Spring Cloud's refresh (which reads the
	 * configuration again) holding the application's client, so that a refresh opens no
	 * session (and starts no embedded server) of its own.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EnvironmentChangeEvent.class)
	static class CloudContextConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ZkCloudRefresh zkCloudRefresh(ConfigurableApplicationContext context, ObjectProvider<RefreshScope> scope) {
			return new ZkCloudRefresh(context.getBeanFactory(), context, scope.getIfAvailable());
		}

		@Bean
		@ConditionalOnBean(ContextRefresher.class)
		@ConditionalOnMissingBean(ConfigurableBootstrapContext.class)
		ConfigurableBootstrapContext zkRefreshBootstrapContext(CuratorFramework client,
				ObjectProvider<EmbeddedZooKeeper> embedded) {
			DefaultBootstrapContext bootstrap = new DefaultBootstrapContext();
			bootstrap.register(CuratorFramework.class, InstanceSupplier.of(client));
			embedded.ifAvailable((server) -> bootstrap.register(EmbeddedZooKeeper.class, InstanceSupplier.of(server)));
			return bootstrap;
		}

	}

}
