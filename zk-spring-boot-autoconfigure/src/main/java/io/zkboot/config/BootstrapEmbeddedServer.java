package io.zkboot.config;

import org.apache.commons.logging.Log;
import io.zkboot.client.ZkProperties;
import io.zkboot.embedded.EmbeddedZooKeeper;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;

/**
 * The embedded server when {@code zk:} configuration is imported and
 * {@link EmbeddedZooKeeper#isWanted wanted}: it has to run before the
 * application context exists, so it is started here, kept in the bootstrap context, and
 * handed to the application context as the {@code embeddedZooKeeper} bean (which the
 * embedded auto-configuration then uses instead of starting a second server). It stops when
 * the application context closes, after the beans that use it.
 */
final class BootstrapEmbeddedServer {

	private BootstrapEmbeddedServer() {
	}

	/**
	 * The embedded server's connect string, starting it on first use.
	 * @param bootstrap the bootstrap context
	 * @param embedded {@code zk.embedded.*}
	 * @param logger a deferred log: the server's own line would be dropped this early, before the
	 * logging system is initialized, so it is said here again
	 * @return where to connect
	 */
	static String connectString(ConfigurableBootstrapContext bootstrap, ZkProperties.Embedded embedded, Log logger) {
		if (!bootstrap.isRegistered(EmbeddedZooKeeper.class)) {
			EmbeddedZooKeeper server = EmbeddedZooKeeper.start(embedded.getPort(), embedded.getDataDir(),
					embedded.getProperties());
			logger.info("Embedded ZooKeeper server listening on " + server.getConnectString()
					+ ", started to load spring.config.import");
			bootstrap.register(EmbeddedZooKeeper.class, InstanceSupplier.of(server));
			bootstrap.register(HandOver.class, InstanceSupplier.of(new HandOver(server)));
			bootstrap.addCloseListener((event) -> {
				bootstrap.get(HandOver.class).handedOver = true;
				ConfigurableListableBeanFactory beanFactory = event.getApplicationContext().getBeanFactory();
				beanFactory.registerSingleton(EmbeddedZooKeeper.BEAN_NAME, server);
				((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(EmbeddedZooKeeper.BEAN_NAME, server::close);
			});
		}
		return bootstrap.get(EmbeddedZooKeeper.class).getConnectString();
	}

	/**
	 * Stops the server started here when startup failed before it was handed to the
	 * application context (which would have stopped it on closing): its threads are not
	 * daemon threads and would keep the process alive.
	 * @param bootstrap the bootstrap context
	 */
	static void stopIfNotHandedOver(ConfigurableBootstrapContext bootstrap) {
		HandOver handOver = bootstrap.getOrElse(HandOver.class, null);
		if (handOver != null && !handOver.handedOver) {
			handOver.server.close();
		}
	}

	/** The server started here, and whether the application context has it. */
	private static final class HandOver {

		private final EmbeddedZooKeeper server;

		private volatile boolean handedOver;

		private HandOver(EmbeddedZooKeeper server) {
			this.server = server;
		}

	}

}
