package io.zkboot.client;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.zookeeper.client.ZKClientConfig;

import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts, as the application starts, what the first ZooKeeper client would otherwise start on
 * the main thread, in a background thread, as Spring Boot's own {@code BackgroundPreinitializer}
 * does for its expensive parts: the first {@link ZKClientConfig} initializes ZooKeeper's
 * {@code X509Util}, which asks the JVM for its default TLS context (loading the JDK's trust
 * store) to learn the default TLS protocol, even for a client that does not use TLS. On a
 * machine with more than one processor that work then overlaps the application's own startup.
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

	private static void preinitialize() {
		try {
			new ZKClientConfig();
		}
		catch (RuntimeException | LinkageError ex) {
			// only a head start: the first client meets the same problem and reports it
		}
	}

}
