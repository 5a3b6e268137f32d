package io.zkboot.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zkboot.core.NodeProperties;
import io.zkboot.core.ZkExceptionTranslator;
import io.zkboot.core.ZkNodeExistsException;
import io.zkboot.tree.CuratorNodeReader;
import io.zkboot.tree.LinkResolver;
import io.zkboot.tree.NoSuchNodeException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.imps.CuratorFrameworkState;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.Stat;

import org.springframework.cloud.client.serviceregistry.ServiceRegistry;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Registers service instances in ZooKeeper as zc.zk's {@code register} does: one
 * ephemeral node named {@code HOST:PORT} per host, under the registration's providers path
 * (resolved through symbolic links, created when missing), readable by everyone and
 * writable by no one, holding the properties of {@link ZkInstanceCodec}.
 *
 * <p>The registry remembers what it registered: {@link #restore()} re-creates the nodes
 * in a new session, replacing a node of the same process and instance left by the old
 * one; a status change replaces the nodes in one transaction (the nodes are read-only, so
 * they are never updated in place).
 */
public class ZkServiceRegistry implements ServiceRegistry<ZkRegistration> {

	private static final Log logger = LogFactory.getLog(ZkServiceRegistry.class);

	private final CuratorFramework client;

	private final ApplicationEventPublisher publisher;

	private final Map<String, Registered> registered = new LinkedHashMap<>();

	/**
	 * Create a registry.
	 * @param client a started client
	 * @param publisher where {@link ZkRegisteringServerEvent}s are published
	 */
	public ZkServiceRegistry(CuratorFramework client, ApplicationEventPublisher publisher) {
		this.client = client;
		this.publisher = publisher;
	}

	/**
	 * Create the registration's nodes after publishing a {@link ZkRegisteringServerEvent}.
	 * @param registration what to register; its port must be known
	 * @throws IllegalStateException if the port is not known
	 * @throws io.zkboot.core.ZkNodeExistsException if a node of the same name belongs to another
	 * process
	 * @throws io.zkboot.core.ZkException if ZooKeeper cannot be written
	 */
	@Override
	public synchronized void register(ZkRegistration registration) {
		if (registration.getPort() <= 0) {
			throw new IllegalStateException("Cannot register " + registration + ": its port is not known yet");
		}
		String path = resolve(registration.getPath());
		Map<String, Object> properties = ZkInstanceCodec.properties(registration, ZkInstanceStatus.UP);
		this.publisher.publishEvent(new ZkRegisteringServerEvent(this, registration, path, properties));
		Registered entry = new Registered(registration, path, properties);
		write(entry);
		this.registered.put(registration.getInstanceId(), entry);
		logger.info("Registered " + registration.getServiceId() + " instance " + registration.getInstanceId() + " as "
				+ entry.nodePaths());
	}

	/**
	 * Delete the registration's nodes (those of the current session) and forget it.
	 * @param registration what to deregister
	 */
	@Override
	public synchronized void deregister(ZkRegistration registration) {
		Registered entry = this.registered.remove(registration.getInstanceId());
		if (entry == null || this.client.getState() != CuratorFrameworkState.STARTED) {
			return;
		}
		for (String nodePath : entry.nodePaths()) {
			try {
				Stat stat = this.client.checkExists().forPath(nodePath);
				if (stat != null && stat.getEphemeralOwner() == sessionId()) {
					this.client.delete().withVersion(stat.getVersion()).forPath(nodePath);
				}
			}
			catch (KeeperException.NoNodeException ex) {
				// already gone
			}
			catch (Exception ex) {
				logger.warn("Cannot delete " + nodePath + "; it goes when the session ends", ex);
			}
		}
		logger.info("Deregistered " + registration.getServiceId() + " instance " + registration.getInstanceId());
	}

	/**
	 * Deregister everything still registered.
	 */
	@Override
	public synchronized void close() {
		new ArrayList<>(this.registered.values()).forEach((entry) -> deregister(entry.registration()));
	}

	/**
	 * Change the status stored with a registered instance.
	 * @param registration a registered instance
	 * @param status {@code UP} or {@code OUT_OF_SERVICE}, in any case
	 * @throws IllegalArgumentException for another status
	 * @throws IllegalStateException if the instance is not registered
	 */
	@Override
	public synchronized void setStatus(ZkRegistration registration, String status) {
		ZkInstanceStatus newStatus = ZkInstanceStatus.parse(status);
		Registered entry = this.registered.get(registration.getInstanceId());
		if (entry == null) {
			throw new IllegalStateException("Cannot set the status of " + registration + ": it is not registered");
		}
		entry.properties().put(ZkInstanceCodec.STATUS, newStatus.name());
		write(entry);
		logger.info("Status of " + registration.getServiceId() + " instance " + registration.getInstanceId()
				+ " set to " + newStatus);
	}

	/**
	 * The stored status of a registered instance.
	 * @param registration the instance
	 * @return {@code UP} or {@code OUT_OF_SERVICE}, null when it is not registered
	 */
	@Override
	@SuppressWarnings("unchecked")
	public synchronized <T> T getStatus(ZkRegistration registration) {
		Registered entry = this.registered.get(registration.getInstanceId());
		return (entry != null) ? (T) entry.properties().get(ZkInstanceCodec.STATUS) : null;
	}

	/**
	 * Create every registered node that is missing, as after a new session: a node of
	 * this process and instance left by an earlier session is replaced.
	 * @return the paths of the registered nodes, empty when nothing is registered
	 * @throws io.zkboot.core.ZkException if ZooKeeper cannot be written
	 */
	public synchronized List<String> restore() {
		List<String> nodePaths = new ArrayList<>();
		for (Registered entry : this.registered.values()) {
			write(entry);
			nodePaths.addAll(entry.nodePaths());
		}
		return nodePaths;
	}

	private String resolve(String path) {
		try {
			return new LinkResolver(new CuratorNodeReader(this.client)).resolve(path);
		}
		catch (NoSuchNodeException ex) {
			return path;
		}
	}

	private void write(Registered entry) {
		byte[] data = NodeProperties.encode(entry.properties());
		for (String nodePath : entry.nodePaths()) {
			try {
				put(nodePath, data, entry.registration().getInstanceId());
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw ZkExceptionTranslator.translate(ex, nodePath);
			}
		}
	}

	private void put(String nodePath, byte[] data, String instanceId) throws Exception {
		while (!create(nodePath, data)) {
			Stat stat = new Stat();
			byte[] current;
			try {
				current = this.client.getData().storingStatIn(stat).forPath(nodePath);
			}
			catch (KeeperException.NoNodeException gone) {
				continue;
			}
			if (stat.getEphemeralOwner() == sessionId()) {
				if (Arrays.equals(current, data)) {
					return;
				}
			}
			else if (stat.getEphemeralOwner() != 0
					&& ZkInstanceCodec.isOwnedBy(NodeProperties.decode(current), instanceId)) {
				logger.info("Replacing " + nodePath + " left by the earlier session 0x"
						+ Long.toHexString(stat.getEphemeralOwner()));
			}
			else {
				throw new ZkNodeExistsException("Cannot register " + nodePath
						+ ": another process registered it (session 0x" + Long.toHexString(stat.getEphemeralOwner())
						+ ", " + NodeProperties.decode(current) + ")", nodePath, null);
			}
			this.client.transaction()
				.forOperations(this.client.transactionOp().delete().withVersion(stat.getVersion()).forPath(nodePath),
						this.client.transactionOp()
							.create()
							.withMode(CreateMode.EPHEMERAL)
							.withACL(ZooDefs.Ids.READ_ACL_UNSAFE)
							.forPath(nodePath, data));
			return;
		}
	}

	private boolean create(String nodePath, byte[] data) throws Exception {
		try {
			this.client.create()
				.creatingParentsIfNeeded()
				.withMode(CreateMode.EPHEMERAL)
				.withACL(ZooDefs.Ids.READ_ACL_UNSAFE)
				.forPath(nodePath, data);
			return true;
		}
		catch (KeeperException.NodeExistsException ex) {
			return false;
		}
	}

	private long sessionId() throws Exception {
		return this.client.getZookeeperClient().getZooKeeper().getSessionId();
	}

	/**
	 * A registration as registered: where, and the properties stored.
	 */
	private record Registered(ZkRegistration registration, String path, Map<String, Object> properties) {

		List<String> nodePaths() {
			return this.registration.getAddresses().stream().map((name) -> ZKPaths.makePath(this.path, name)).toList();
		}

	}

}
