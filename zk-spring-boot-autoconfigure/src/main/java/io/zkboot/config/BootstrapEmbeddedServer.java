package io.zkboot.config;

import java.nio.file.Path;
import java.util.Map;

import io.zkboot.embedded.EmbeddedZooKeeper;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The embedded server when {@code zk:} configuration is imported with
 * {@code zk.embedded.enabled=true} and no {@code zk.connect-string}: it has to run before the
 * application context exists, so it is started here, kept in the bootstrap context, and
 * handed to the application context as the {@code embeddedZooKeeper} bean (which the
 * embedded auto-configuration then uses instead of starting a second server). It stops when
 * the application context closes, after the beans that use it.
 */
final class BootstrapEmbeddedServer {

	private static final String BEAN_NAME = "embeddedZooKeeper";

	private BootstrapEmbeddedServer() {
	}

	/**
	 * Whether configuration should be read from the embedded server.
	 * @param binder the configuration known so far
	 * @return true when the embedded server is on and no connect string is set
	 */
	static boolean isWanted(Binder binder) {
		return binder.bind("zk.embedded.enabled", Boolean.class).orElse(false)
				&& !binder.bind("zk.connect-string", String.class).isBound();
	}

	/**
	 * The embedded server's connect string, starting it on first use.
	 * @param bootstrap the bootstrap context
	 * @param binder the configuration known so far ({@code zk.embedded.*})
	 * @return where to connect
	 */
	static String connectString(ConfigurableBootstrapContext bootstrap, Binder binder) {
		if (!bootstrap.isRegistered(EmbeddedZooKeeper.class)) {
			EmbeddedZooKeeper server = EmbeddedZooKeeper.start(binder.bind("zk.embedded.port", Integer.class).orElse(0),
					binder.bind("zk.embedded.data-dir", Path.class).orElse(null),
					binder.bind("zk.embedded.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
			bootstrap.register(EmbeddedZooKeeper.class, InstanceSupplier.of(server));
			bootstrap.addCloseListener((event) -> {
				ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
				beanFactory.registerSingleton(BEAN_NAME, server);
				((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(BEAN_NAME, server::close);
			});
		}
		return bootstrap.get(EmbeddedZooKeeper.class).getConnectString();
	}

}
