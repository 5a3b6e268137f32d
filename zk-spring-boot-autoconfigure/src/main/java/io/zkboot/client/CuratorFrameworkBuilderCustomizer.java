package io.zkboot.client;

import org.apache.curator.framework.CuratorFrameworkFactory;

/**
 * Adjusts the builder of the auto-configured {@code CuratorFramework} after the
 * {@code zk.*} properties were applied. Beans of this type are applied in their
 * {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface CuratorFrameworkBuilderCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder, already configured from the properties
	 */
	void customize(CuratorFrameworkFactory.Builder builder);

}
