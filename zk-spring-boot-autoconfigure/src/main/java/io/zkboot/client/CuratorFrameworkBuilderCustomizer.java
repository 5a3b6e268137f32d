package io.zkboot.client;

import org.apache.curator.framework.CuratorFrameworkFactory;

/**
 * Adjusts the builder of the auto-configured {@code CuratorFramework} after the
 * {@code zk.*} properties were applied. Beans of this type are applied in their
 * {@link org.springframework.core.annotation.Order order}. The client that reads
 * {@code spring.config.import=zk:} configuration, made before beans exist, takes the ones
 * registered with {@link io.zkboot.config.ZkBootstrapCustomizers} instead.
 */
@FunctionalInterface
public interface CuratorFrameworkBuilderCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder, already configured from the properties
	 */
	void customize(CuratorFrameworkFactory.Builder builder);

}
