package io.zkboot.config;

import java.util.ArrayList;
import java.util.List;

import io.zkboot.client.CuratorFrameworkBuilderCustomizer;
import org.apache.curator.framework.CuratorFrameworkFactory;

import org.springframework.boot.bootstrap.BootstrapRegistry;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.BootstrapRegistryInitializer;

/**
 * {@link CuratorFrameworkBuilderCustomizer}s applied to the client the {@code zk:} config-data
 * loader reads with, which is made before any bean exists. Register them in the
 * {@link BootstrapRegistry}:
 *
 * <pre class="code">
 * SpringApplication application = new SpringApplication(MyApplication.class);
 * application.addBootstrapRegistryInitializer(ZkBootstrapCustomizers.of(
 * 		(builder) -&gt; builder.retryPolicy(new RetryNTimes(3, 500))));
 * </pre>
 *
 * or, from a {@link BootstrapRegistryInitializer} of your own (one listed in
 * {@code META-INF/spring.factories}, say), with
 * {@code ZkBootstrapCustomizers.of(...).initialize(registry)}. Every registration adds to
 * the ones before: the customizers are applied in the order they were registered, after the
 * {@code zk.*} properties. They do not apply to the application's {@code CuratorFramework}
 * bean, which takes {@code CuratorFrameworkBuilderCustomizer} beans.
 */
public final class ZkBootstrapCustomizers implements BootstrapRegistryInitializer {

	private final List<CuratorFrameworkBuilderCustomizer> customizers;

	private ZkBootstrapCustomizers(List<CuratorFrameworkBuilderCustomizer> customizers) {
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * Customizers to register.
	 * @param customizers the customizers, applied in this order
	 * @return an initializer that adds them to the bootstrap registry
	 */
	public static ZkBootstrapCustomizers of(CuratorFrameworkBuilderCustomizer... customizers) {
		return new ZkBootstrapCustomizers(List.of(customizers));
	}

	/**
	 * Adds these customizers after those already registered.
	 * @param registry the bootstrap registry
	 */
	@Override
	public void initialize(BootstrapRegistry registry) {
		InstanceSupplier<ZkBootstrapCustomizers> registered = registry
			.getRegisteredInstanceSupplier(ZkBootstrapCustomizers.class);
		registry.register(ZkBootstrapCustomizers.class, (registered != null)
				? (context) -> registered.get(context).followedBy(this) : InstanceSupplier.of(this));
	}

	private ZkBootstrapCustomizers followedBy(ZkBootstrapCustomizers next) {
		List<CuratorFrameworkBuilderCustomizer> all = new ArrayList<>(this.customizers);
		all.addAll(next.customizers);
		return new ZkBootstrapCustomizers(all);
	}

	/**
	 * Applies the customizers, in order.
	 * @param builder the loader's builder, configured from {@code zk.*}
	 */
	void applyTo(CuratorFrameworkFactory.Builder builder) {
		this.customizers.forEach((customizer) -> customizer.customize(builder));
	}

}
