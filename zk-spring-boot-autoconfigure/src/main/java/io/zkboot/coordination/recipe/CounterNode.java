package io.zkboot.coordination.recipe;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;

import io.zkboot.core.ZkException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * kazoo's counter protocol for one value type: the node holds the value's text form in ASCII
 * (empty data is the default), a change reads value and version and sets the new value at that
 * version, again on a conflict.
 *
 * @param <T> the value type
 */
final class CounterNode<T> {

	private final CuratorFramework client;

	private final String path;

	private final T defaultValue;

	private final Function<String, T> parse;

	private final Function<T, String> format;

	private final BinaryOperator<T> add;

	private volatile boolean ensured;

	CounterNode(CuratorFramework client, String path, T defaultValue, Function<String, T> parse,
			Function<T, String> format, BinaryOperator<T> add) {
		this.client = client;
		this.path = Nodes.checkPath(path, "counter");
		this.defaultValue = defaultValue;
		this.parse = parse;
		this.format = format;
		this.add = add;
	}

	String path() {
		return this.path;
	}

	T get() {
		try {
			ensure();
			return decode(this.client.getData().forPath(this.path));
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	/** Adds atomically; returns the value before and after. */
	Sum<T> add(T delta) {
		try {
			ensure();
			while (true) {
				Stat stat = new Stat();
				T pre = decode(this.client.getData().storingStatIn(stat).forPath(this.path));
				T post = this.add.apply(pre, delta);
				try {
					this.client.setData()
						.withVersion(stat.getVersion())
						.forPath(this.path, this.format.apply(post).getBytes(StandardCharsets.US_ASCII));
					return new Sum<>(pre, post);
				}
				catch (KeeperException.BadVersionException conflict) {
					// another participant changed it first: read again
				}
			}
		}
		catch (ArithmeticException ex) {
			throw new ZkException("counter " + this.path + " would overflow adding " + delta, this.path, ex);
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	/** Calls the listener with the current value and then with every change, on a thread of its own. */
	ZkSubscription onChange(Consumer<T> listener) {
		ExecutorService calls = Executors.newSingleThreadExecutor(new CustomizableThreadFactory("zk-counter-"));
		CuratorCache cache = CuratorCache.build(this.client, this.path, CuratorCache.Options.SINGLE_NODE_CACHE);
		Consumer<ChildData> changed = (node) -> calls.execute(() -> listener.accept(decode(node.getData())));
		cache.listenable().addListener(CuratorCacheListener.builder().forCreatesAndChanges((old, node) -> {
			if (old == null || !java.util.Arrays.equals(old.getData(), node.getData())) {
				changed.accept(node);
			}
		}).build());
		try {
			ensure();
		}
		catch (Exception ex) {
			calls.shutdownNow();
			throw Nodes.translate(ex, this.path);
		}
		cache.start();
		return () -> {
			cache.close();
			calls.shutdown();
		};
	}

	private void ensure() throws Exception {
		if (!this.ensured) {
			Nodes.ensurePath(this.client, this.path);
			this.ensured = true;
		}
	}

	private T decode(byte[] data) {
		if (data == null || data.length == 0) {
			return this.defaultValue;
		}
		String text = new String(data, StandardCharsets.US_ASCII);
		try {
			return this.parse.apply(text.strip());
		}
		catch (RuntimeException ex) {
			throw new ZkException("counter " + this.path + " holds '" + text + "', not a "
					+ this.defaultValue.getClass().getSimpleName(), this.path, ex);
		}
	}

	/** The value before and after one addition. */
	record Sum<T>(T pre, T post) {
	}

}
