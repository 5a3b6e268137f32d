package io.zkboot.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheAccessor;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;

/**
 * Cached reads of a subtree, as pykeeper's {@code cached_get}, {@code cached_get_children} and
 * {@code cached_exists}: answered from memory, kept current by watches. Built on Curator's
 * {@link CuratorCache}. Made (started and filled) by {@link ZkTemplate#cache(String)}; close it
 * when done.
 *
 * <p>The cache follows the server with the delay of a watch notification: a read right after a
 * write may still answer the old value.
 */
public final class ZkCache implements AutoCloseable {

	private final String root;

	private final CuratorCache cache;

	private ZkCache(String root, CuratorCache cache) {
		this.root = root;
		this.cache = cache;
	}

	/**
	 * Starts a cache of a subtree and waits until it holds the whole subtree.
	 * @param client the Curator client
	 * @param root the subtree's top
	 * @param timeout how long to wait for the first full read
	 * @return the started cache
	 * @throws ZkException when the first read did not finish in time
	 */
	static ZkCache start(CuratorFramework client, String root, Duration timeout) {
		ZkPath.validate(root);
		CuratorCache cache = CuratorCache.build(client, root);
		CountDownLatch initialized = new CountDownLatch(1);
		cache.listenable().addListener(CuratorCacheListener.builder().forInitialized(initialized::countDown).build());
		cache.start();
		try {
			if (!initialized.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				cache.close();
				throw new ZkException("cache of " + root + " not filled within " + timeout, root, null);
			}
		}
		catch (InterruptedException ex) {
			cache.close();
			throw ZkExceptionTranslator.translate(ex, root);
		}
		return new ZkCache(root, cache);
	}

	/**
	 * Returns the subtree's top.
	 * @return the path the cache was made for
	 */
	public String root() {
		return this.root;
	}

	/**
	 * Returns a node's data and {@code Stat} from memory.
	 * @param path a path in the subtree
	 * @return the node, or empty when it does not exist
	 */
	public Optional<ZkNode> get(String path) {
		return this.cache.get(ZkPath.validate(path)).map(ZkCache::toNode);
	}

	/**
	 * Returns the names of a node's children from memory.
	 * @param path a path in the subtree
	 * @return the names, sorted; empty when the node has none or does not exist
	 */
	public List<String> getChildren(String path) {
		return this.cache.stream()
			.filter(CuratorCacheAccessor.parentPathFilter(ZkPath.validate(path)))
			.map((child) -> ZkPath.name(child.getPath()))
			.sorted()
			.toList();
	}

	/**
	 * Tells from memory whether a node exists.
	 * @param path a path in the subtree
	 * @return whether it exists
	 */
	public boolean exists(String path) {
		return this.cache.get(ZkPath.validate(path)).isPresent();
	}

	/**
	 * Returns the number of nodes cached.
	 * @return the count
	 */
	public int size() {
		return this.cache.size();
	}

	/**
	 * Stops the cache and its watches.
	 */
	@Override
	public void close() {
		this.cache.close();
	}

	private static ZkNode toNode(ChildData data) {
		return new ZkNode(data.getPath(), data.getData(), data.getStat());
	}

}
