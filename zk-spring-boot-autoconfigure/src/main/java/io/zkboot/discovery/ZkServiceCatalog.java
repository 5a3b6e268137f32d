package io.zkboot.discovery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.zkboot.core.ZkExceptionTranslator;
import io.zkboot.tree.CuratorNodeReader;
import io.zkboot.tree.LinkResolver;
import io.zkboot.tree.NoSuchNodeException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.event.HeartbeatEvent;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The services under a root path and their instances: service {@code S}'s instances are
 * the {@code HOST:PORT} children of {@code ROOT/S/PROVIDERS}.
 *
 * <p>A service is watched from the first time its instances are asked for (its providers
 * path resolved through symbolic links then) until the catalog is closed; later lookups
 * are answered from memory. Services nobody asks about are not watched. Each change of a
 * watched service's instances publishes a Spring Cloud {@link HeartbeatEvent} (whose
 * value counts the changes), as other discovery clients do, so that route locators and
 * caches can refresh.
 */
public class ZkServiceCatalog implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(ZkServiceCatalog.class);

	private final CuratorFramework client;

	private final String root;

	private final String providers;

	private final Duration firstLookupTimeout;

	private final ApplicationEventPublisher publisher;

	private final Map<String, ZkServiceWatch> watches = new ConcurrentHashMap<>();

	private final AtomicLong changes = new AtomicLong();

	/**
	 * Create a catalog.
	 * @param client a started client
	 * @param root the path whose children are the services
	 * @param providers the name of a service's child holding its instances
	 * @param firstLookupTimeout how long the first lookup of a service waits for its
	 * instances to be read
	 * @param publisher where {@link HeartbeatEvent}s are published
	 */
	public ZkServiceCatalog(CuratorFramework client, String root, String providers, Duration firstLookupTimeout,
			ApplicationEventPublisher publisher) {
		this.client = client;
		this.root = root;
		this.providers = providers;
		this.firstLookupTimeout = firstLookupTimeout;
		this.publisher = publisher;
	}

	/**
	 * The names of the services: the children of the root, read from ZooKeeper.
	 * @return the sorted names; empty when the root does not exist
	 * @throws io.zkboot.core.ZkException if ZooKeeper cannot be read
	 */
	public List<String> services() {
		try {
			return this.client.getChildren()
				.forPath(this.root)
				.stream()
				.filter((name) -> !("/".equals(this.root) && "zookeeper".equals(name)))
				.sorted()
				.toList();
		}
		catch (KeeperException.NoNodeException ex) {
			return List.of();
		}
		catch (Exception ex) {
			throw ZkExceptionTranslator.translate(ex, this.root);
		}
	}

	/**
	 * The instances of a service that are UP, from memory once the service is watched.
	 * @param serviceId the service
	 * @return the instances sorted by node name; empty when the service has none or its
	 * first lookup timed out
	 */
	public List<ServiceInstance> instances(String serviceId) {
		ZkServiceWatch watch = this.watches.get(serviceId);
		if (watch == null || !watch.isLoaded()) {
			watch = firstLookup(serviceId);
		}
		return watch.instances();
	}

	/**
	 * Whether a service's instances are answered from memory.
	 * @param serviceId the service
	 * @return true once the service is watched and its instances have been read
	 */
	public boolean isWatched(String serviceId) {
		ZkServiceWatch watch = this.watches.get(serviceId);
		return watch != null && watch.isLoaded();
	}

	/**
	 * The providers path of a service, before link resolution.
	 * @param serviceId the service
	 * @return {@code ROOT/serviceId/PROVIDERS}
	 */
	public String providersPath(String serviceId) {
		return ZKPaths.makePath(this.root, serviceId, this.providers);
	}

	private ZkServiceWatch firstLookup(String serviceId) {
		ZkServiceWatch watch = this.watches.computeIfAbsent(serviceId, this::watch);
		if (!watch.awaitLoaded(this.firstLookupTimeout)) {
			logger.warn("The instances of " + serviceId + " were not read within " + this.firstLookupTimeout
					+ "; answering with what is known");
		}
		return watch;
	}

	private ZkServiceWatch watch(String serviceId) {
		String path = providersPath(serviceId);
		try {
			path = new LinkResolver(new CuratorNodeReader(this.client)).resolve(path);
		}
		catch (NoSuchNodeException ex) {
			// watched where it will appear
		}
		logger.debug("Watching the instances of " + serviceId + " at " + path);
		return new ZkServiceWatch(this.client, serviceId, path,
				() -> this.publisher.publishEvent(new HeartbeatEvent(this, this.changes.incrementAndGet())));
	}

	/**
	 * Stop watching every service.
	 */
	@Override
	public void close() {
		this.watches.values().forEach(ZkServiceWatch::close);
		this.watches.clear();
	}

}
