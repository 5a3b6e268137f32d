package io.zkboot.client;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.client.ZKClientConfig;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts, as the application starts, what the first ZooKeeper client would otherwise start on
 * the main thread, in a background thread, as Spring Boot's own {@code BackgroundPreinitializer}
 * does for its expensive parts: the first {@link ZKClientConfig} initializes ZooKeeper's
 * {@code X509Util}, which asks the JVM for its default TLS context (loading the JDK's trust
 * store) to learn the default TLS protocol, even for a client that does not use TLS; then the
 * classes of a Curator client and its ZooKeeper handle are loaded and initialized, by building
 * a client that is never started (no thread, no connection) and loading ZooKeeper's connection
 * classes, which the application's client would otherwise load on the main thread while its
 * bean is created (some 400 classes). On a machine with more than one processor that work then
 * overlaps the application's own startup.
 * Skipped, as Boot's is, with the system property {@code spring.backgroundpreinitializer.ignore}
 * set to {@code true} or on one processor; done once per JVM.
 */
class ZkBackgroundPreinitializer implements ApplicationListener<ApplicationStartingEvent> {

	private static final String IGNORE = "spring.backgroundpreinitializer.ignore";

	private static final AtomicBoolean started = new AtomicBoolean();

	@Override
	public void onApplicationEvent(ApplicationStartingEvent event) {
		if (Boolean.getBoolean(IGNORE) || Runtime.getRuntime().availableProcessors() <= 1
				|| !started.compareAndSet(false, true)) {
			return;
		}
		Thread thread = new Thread(ZkBackgroundPreinitializer::preinitialize, "zk-background-preinit");
		thread.setDaemon(true);
		thread.start();
	}

	/** ZooKeeper's classes that only a started client loads: its handle and its connection. */
	private static final String[] CONNECTION_CLASSES = { "org.apache.zookeeper.ZooKeeper",
			"org.apache.zookeeper.ClientCnxn", "org.apache.zookeeper.ClientCnxnSocketNIO",
			"org.apache.zookeeper.client.StaticHostProvider", "org.apache.zookeeper.proto.ConnectRequest",
			"org.apache.zookeeper.proto.ConnectResponse" };

	private static void preinitialize() {
		try {
			new ZKClientConfig();
			// never started: no thread, no connection; only its classes stay
			CuratorFrameworkFactory.builder().connectString("127.0.0.1:2181").retryPolicy(new RetryOneTime(1)).build();
			ClassLoader loader = ZkBackgroundPreinitializer.class.getClassLoader();
			for (String name : CONNECTION_CLASSES) {
				Class.forName(name, true, loader);
			}
		}
		catch (RuntimeException | LinkageError | ClassNotFoundException ex) {
			// only a head start: the first client meets the same problem and reports it
		}
	}

}
