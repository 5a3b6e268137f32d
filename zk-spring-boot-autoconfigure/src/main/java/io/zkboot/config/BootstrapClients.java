package io.zkboot.config;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zkboot.client.ZkBootstrapClient;
import io.zkboot.client.ZkConnectionAwaiter;
import io.zkboot.client.ZkClientSettings;
import io.zkboot.client.ZkStartupWaited;
import io.zkboot.config.ZkConfigDataResource.ZkConfigConnection;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The clients the config-data loader reads with, before the application context (and its
 * {@link CuratorFramework} bean) exists. A {@link CuratorFramework} registered in the
 * bootstrap registry is used for every connection setting, and left open; otherwise a client
 * is made for each connection setting, by the same {@link ZkClientSettings#builder()} as the
 * application's client, customized by the registered {@link ZkBootstrapCustomizers}, and kept
 * in the bootstrap context. When the bootstrap context closes, the first client made is handed
 * to the application context ({@link ZkBootstrapClient}), the others are closed. When a
 * client did not connect within {@code zk.startup.wait}, the application's client is told so
 * ({@link ZkStartupWaited}) and does not wait the whole wait again.
 */
final class BootstrapClients {

	private static final String HANDED_OVER = "zkBootstrapClient";

	private final Map<ZkConfigConnection, CuratorFramework> clients = Collections.synchronizedMap(new LinkedHashMap<>());

	private final Map<CuratorFramework, ZkStartupWaited> waitedInVain = new ConcurrentHashMap<>();

	private final CuratorFramework registered;

	private final ZkBootstrapCustomizers customizers;

	private BootstrapClients(CuratorFramework registered, ZkBootstrapCustomizers customizers) {
		this.registered = registered;
		this.customizers = customizers;
	}

	/**
	 * The clients of a bootstrap context, made on first use.
	 * @param bootstrap the bootstrap context
	 * @return its clients
	 */
	static BootstrapClients of(ConfigurableBootstrapContext bootstrap) {
		if (!bootstrap.isRegistered(BootstrapClients.class)) {
			BootstrapClients clients = new BootstrapClients(bootstrap.getOrElse(CuratorFramework.class, null),
					bootstrap.getOrElse(ZkBootstrapCustomizers.class, ZkBootstrapCustomizers.of()));
			bootstrap.register(BootstrapClients.class, InstanceSupplier.of(clients));
			bootstrap.addCloseListener((event) -> {
				clients.waitedInVain.values()
					.stream()
					.findFirst()
					.ifPresent((waited) -> event.getApplicationContext()
						.getBeanFactory()
						.registerSingleton("zkStartupWaited", waited));
				clients.handOver(event.getApplicationContext());
			});
		}
		return bootstrap.get(BootstrapClients.class);
	}

	/**
	 * A connected client: the registered one, or the one made for the connection setting.
	 * It is waited for up to {@code zk.startup.wait}, once: when that wait passed without a
	 * connection, later calls for the same client do not wait again.
	 * @param connection where to connect, and how long to wait for the connection
	 * @return the client, or {@code null} when it did not connect within the wait
	 */
	@Nullable CuratorFramework connected(ZkConfigConnection connection) {
		CuratorFramework client = (this.registered != null) ? this.registered
				: this.clients.computeIfAbsent(connection, this::start);
		boolean waitedInVain = this.waitedInVain.containsKey(client);
		if (ZkConnectionAwaiter.connected(client, waitedInVain ? Duration.ZERO : connection.startupWait())) {
			return client;
		}
		this.waitedInVain.putIfAbsent(client, new ZkStartupWaited(connection.connectString(), connection.startupWait()));
		return null;
	}

	private CuratorFramework start(ZkConfigConnection connection) {
		CuratorFrameworkFactory.Builder builder = connection.client().builder();
		this.customizers.applyTo(builder);
		CuratorFramework client = builder.build();
		client.start();
		return client;
	}

	/**
	 * Hands the first client made here to the application context, which keeps its session
	 * when its own client would be built alike; closes the others.
	 */
	private void handOver(ConfigurableApplicationContext context) {
		Iterator<Map.Entry<ZkConfigConnection, CuratorFramework>> made = this.clients.entrySet().iterator();
		if (made.hasNext()) {
			Map.Entry<ZkConfigConnection, CuratorFramework> first = made.next();
			ZkBootstrapClient handedOver = new ZkBootstrapClient(first.getValue(), first.getKey().client());
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			beanFactory.registerSingleton(HANDED_OVER, handedOver);
			((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(HANDED_OVER, handedOver::close);
			made.remove();
		}
		close();
	}

	private void close() {
		this.clients.values().forEach(CuratorFramework::close);
		this.clients.clear();
	}

}
