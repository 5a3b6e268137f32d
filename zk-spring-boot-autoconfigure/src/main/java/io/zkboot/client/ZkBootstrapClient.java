package io.zkboot.client;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.ACLProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * The client the {@code zk:} configuration loader made, handed to the application context
 * (as the {@code zkBootstrapClient} bean), so that the application keeps its session instead
 * of opening a second one, as Spring Cloud Zookeeper registers its bootstrap client. The
 * application's client is this one when it would be built alike: same
 * {@link ZkClientSettings}, the ACL provider of {@code zk.acl.mode} and no
 * {@link CuratorFrameworkBuilderCustomizer} bean. Otherwise, or when the application has a
 * {@code CuratorFramework} of its own, it is closed, at the latest when the context starts.
 */
public final class ZkBootstrapClient implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ZkBootstrapClient.class);

	private final CuratorFramework client;

	private final ZkClientSettings settings;

	private volatile boolean adopted;

	private volatile boolean running;

	/**
	 * Hands a client over.
	 * @param client the loader's started client
	 * @param settings what it was built from (before the bootstrap customizers)
	 */
	public ZkBootstrapClient(CuratorFramework client, ZkClientSettings settings) {
		this.client = client;
		this.settings = settings;
	}

	/**
	 * The loader's client, for an application client that would be built alike; it then
	 * belongs to the caller. Otherwise it is closed.
	 * @param wanted the settings of the application's client
	 * @param aclProvider the application's ACL provider
	 * @param customized whether the application has builder customizers
	 * @return the loader's client, or {@code null} when the application builds its own
	 */
	public synchronized @Nullable CuratorFramework adopt(ZkClientSettings wanted, ACLProvider aclProvider, boolean customized) {
		if (!this.adopted && !customized && this.settings.equals(wanted)
				&& wanted.aclProvider().equals(aclProvider)) {
			this.adopted = true;
			return this.client;
		}
		logger.debug("The application's client is built anew: its settings, ACL provider or customizers differ "
				+ "from those of the zk: configuration loader's client");
		close();
		return null;
	}

	/**
	 * Closes the client unless the application adopted it.
	 */
	public synchronized void close() {
		if (!this.adopted) {
			this.client.close();
		}
	}

	@Override
	public void start() {
		close();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
