package io.zkboot.autoconfigure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zkboot.client.ZkDeferredStartup;
import io.zkboot.watch.WatchDeliveries;
import io.zkboot.watch.ZkViews;
import io.zkboot.watch.ZkWatchBeanPostProcessor;
import io.zkboot.watch.ZkWatchMethods;
import org.apache.curator.framework.CuratorFramework;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configuration of watches: {@link io.zkboot.watch.ZkWatch @ZkWatch} methods, the
 * {@link ZkViews} factory of live views, and the pool their reads and calls run on.
 */
@AutoConfiguration(after = ZkAutoConfiguration.class)
@ConditionalOnClass(CuratorFramework.class)
public class ZkWatchAutoConfiguration {

	/** The name of the pool that watches read and call on. */
	public static final String WATCH_POOL = "zkWatchPool";

	@Bean(name = WATCH_POOL, destroyMethod = "shutdownNow")
	@ConditionalOnMissingBean(name = WATCH_POOL)
	ExecutorService zkWatchPool() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("zk-watch-");
		threads.setDaemon(true);
		return Executors.newCachedThreadPool(threads);
	}

	/**
	 * The post-processor binds with the application's {@link JsonMapper} (Spring Boot's, built
	 * from {@code spring.jackson.*}), looked up on the first binding, so that it is created as
	 * late as any other bean; without one, with Jackson's defaults.
	 */
	@Bean
	@ConditionalOnMissingBean
	static ZkWatchBeanPostProcessor zkWatchBeanPostProcessor(BeanFactory beanFactory) {
		return new ZkWatchBeanPostProcessor(
				SingletonSupplier.of(() -> beanFactory.getBeanProvider(JsonMapper.class).getIfAvailable(JsonMapper::new)));
	}

	/**
	 * The watches of the {@code @ZkWatch} methods the post-processor finds; the client and the
	 * pool are looked up when watching starts.
	 */
	@Bean
	@ConditionalOnMissingBean
	static ZkWatchMethods zkWatchMethods(BeanFactory beanFactory, ObjectProvider<WatchDeliveries> deliveries,
			ObjectProvider<ZkDeferredStartup> deferredStartup) {
		return new ZkWatchMethods(() -> beanFactory.getBean(CuratorFramework.class),
				() -> beanFactory.getBean(WATCH_POOL, ExecutorService.class), deliveries, deferredStartup);
	}

	@Bean
	@ConditionalOnBean(CuratorFramework.class)
	@ConditionalOnMissingBean
	ZkViews zkViews(CuratorFramework client, @Qualifier(WATCH_POOL) ExecutorService pool) {
		return new ZkViews(client, pool);
	}

}
