package io.zkboot.config;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.zkboot.config.ZkConfigDataResource.ZkConfigConnection;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.client.ZKClientConfig;

import org.springframework.boot.bootstrap.BootstrapRegistry.InstanceSupplier;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;

/**
 * The clients the config-data loader reads with, before the application context (and its
 * {@link CuratorFramework} bean) exists: one per connection setting, kept in the bootstrap
 * context and closed with it.
 */
final class BootstrapClients {

	private final Map<ZkConfigConnection, CuratorFramework> clients = new ConcurrentHashMap<>();

	/**
	 * The clients of a bootstrap context, made on first use.
	 * @param bootstrap the bootstrap context
	 * @return its clients
	 */
	static BootstrapClients of(ConfigurableBootstrapContext bootstrap) {
		if (!bootstrap.isRegistered(BootstrapClients.class)) {
			BootstrapClients clients = new BootstrapClients();
			bootstrap.register(BootstrapClients.class, InstanceSupplier.of(clients));
			bootstrap.addCloseListener((event) -> clients.close());
		}
		return bootstrap.get(BootstrapClients.class);
	}

	/**
	 * A connected client.
	 * @param connection where to connect
	 * @return the client
	 * @throws IllegalStateException if no connection is made within the connection timeout
	 */
	CuratorFramework connected(ZkConfigConnection connection) {
		CuratorFramework client = this.clients.computeIfAbsent(connection, this::start);
		try {
			if (!client.blockUntilConnected((int) connection.connectionTimeout().toMillis(),
					TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("Cannot connect to ZooKeeper at " + connection.connectString()
						+ " within " + connection.connectionTimeout());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while connecting to " + connection.connectString(), ex);
		}
		return client;
	}

	private CuratorFramework start(ZkConfigConnection connection) {
		CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
			.connectString(connection.connectString())
			.namespace(connection.namespace())
			.connectionTimeoutMs((int) connection.connectionTimeout().toMillis())
			.retryPolicy(new RetryOneTime(100));
		if (connection.authScheme() != null) {
			builder.authorization(connection.authScheme(), connection.authCredentials().getBytes(StandardCharsets.UTF_8));
		}
		ZKClientConfig clientConfig = new ZKClientConfig();
		if (connection.tls() != null) {
			connection.tls().applyTo(clientConfig);
		}
		CuratorFramework client = builder.zkClientConfig(clientConfig).build();
		client.start();
		return client;
	}

	private void close() {
		this.clients.values().forEach(CuratorFramework::close);
		this.clients.clear();
	}

}
