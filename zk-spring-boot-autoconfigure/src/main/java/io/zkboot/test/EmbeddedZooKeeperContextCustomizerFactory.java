package io.zkboot.test;

import java.util.List;
import java.util.Map;

import io.zkboot.embedded.EmbeddedZooKeeper;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Sets {@code zk.connect-string} for test classes annotated with
 * {@link WithEmbeddedZooKeeper @WithEmbeddedZooKeeper}.
 */
class EmbeddedZooKeeperContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		boolean annotated = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.isPresent(WithEmbeddedZooKeeper.class);
		return annotated ? new EmbeddedZooKeeperContextCustomizer() : null;
	}

	/**
	 * Adds the shared server's connect string to the environment. All instances are equal,
	 * so that Spring's context cache treats annotated tests alike.
	 */
	static final class EmbeddedZooKeeperContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context,
				MergedContextConfiguration mergedConfig) {
			String connectString = SharedServer.INSTANCE.getConnectString();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("embeddedZooKeeper", Map.of("zk.connect-string", connectString)));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof EmbeddedZooKeeperContextCustomizer;
		}

		@Override
		public int hashCode() {
			return EmbeddedZooKeeperContextCustomizer.class.hashCode();
		}

	}

	/**
	 * The server shared by every annotated test of the JVM, started on first use.
	 */
	private static final class SharedServer {

		static final EmbeddedZooKeeper INSTANCE = start();

		private static EmbeddedZooKeeper start() {
			EmbeddedZooKeeper server = EmbeddedZooKeeper.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-zookeeper-shutdown"));
			return server;
		}

	}

}
