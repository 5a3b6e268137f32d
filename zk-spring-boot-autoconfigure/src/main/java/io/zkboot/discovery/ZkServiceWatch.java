package io.zkboot.discovery;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.utils.ZKPaths;

import org.springframework.cloud.client.ServiceInstance;

/**
 * The in-memory view of one service's providers node: a Curator cache of its children,
 * turned into the list of UP instances each time a child comes, goes or changes, so that
 * reading the instances costs no ZooKeeper round trip.
 */
final class ZkServiceWatch implements AutoCloseable {

	private final String serviceId;

	private final String path;

	private final CuratorCache cache;

	private final CountDownLatch loaded = new CountDownLatch(1);

	private volatile List<ServiceInstance> instances = List.of();

	/**
	 * Start watching a service's providers.
	 * @param client a started client
	 * @param serviceId the service
	 * @param path the resolved providers path; it need not exist yet
	 * @param onChange called after each change once the providers have been read
	 */
	ZkServiceWatch(CuratorFramework client, String serviceId, String path, Runnable onChange) {
		this.serviceId = serviceId;
		this.path = path;
		this.cache = CuratorCache.build(client, path);
		this.cache.listenable()
			.addListener(CuratorCacheListener.builder()
				.forAll((type, before, after) -> {
					refresh();
					onChange.run();
				})
				.forInitialized(() -> {
					refresh();
					this.loaded.countDown();
				})
				.afterInitialized()
				.build());
		this.cache.start();
	}

	/**
	 * The UP instances, as of the last change seen.
	 * @return an immutable list sorted by node name
	 */
	List<ServiceInstance> instances() {
		return this.instances;
	}

	/**
	 * Whether the providers have been read once.
	 * @return true once the instances reflect ZooKeeper
	 */
	boolean isLoaded() {
		return this.loaded.getCount() == 0;
	}

	/**
	 * Wait until the providers have been read once.
	 * @param timeout how long to wait
	 * @return whether they have been read
	 */
	boolean awaitLoaded(Duration timeout) {
		try {
			return this.loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void refresh() {
		this.instances = this.cache.stream()
			.filter((child) -> this.path.equals(ZKPaths.getPathAndNode(child.getPath()).getPath()))
			.sorted(Comparator.comparing(ChildData::getPath))
			.map(this::instance)
			.flatMap(Optional::stream)
			.toList();
	}

	private Optional<ServiceInstance> instance(ChildData child) {
		return ZkInstanceCodec.discover(this.serviceId, ZKPaths.getNodeFromPath(child.getPath()), child.getData())
			.map(ServiceInstance.class::cast);
	}

	@Override
	public void close() {
		this.cache.close();
	}

}
