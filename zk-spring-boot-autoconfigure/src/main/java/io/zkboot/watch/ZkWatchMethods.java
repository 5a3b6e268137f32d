package io.zkboot.watch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.zkboot.client.ZkDeferredStartup;
import org.apache.curator.framework.CuratorFramework;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * The {@link ZkWatch @ZkWatch} methods found by the {@link ZkWatchBeanPostProcessor}, one
 * {@link NodeWatch} each while the context runs. Starting waits for each method's first call,
 * so that beans see the current state before the application is ready; without a connection,
 * the first calls wait for the first connection ({@link ZkDeferredStartup}). A
 * {@link WatchDeliveries} bean is told of every call.
 */
public class ZkWatchMethods implements SmartLifecycle {

	private final Supplier<CuratorFramework> client;

	private final Supplier<Executor> pool;

	private final ObjectProvider<WatchDeliveries> deliveries;

	private final ObjectProvider<ZkDeferredStartup> deferredStartup;

	private final List<WatchMethod> methods = new CopyOnWriteArrayList<>();

	private final NodeWatches watches = new NodeWatches();

	private volatile boolean started;

	/**
	 * Creates the methods' watches; the client, the pool and the other beans are looked up
	 * only when watching starts.
	 * @param client gives the client to watch with
	 * @param pool gives the pool the watches read and call on
	 * @param deliveries told of every call, when there is one
	 * @param deferredStartup runs the first calls at the first connection, when startup did not
	 * wait for one
	 */
	public ZkWatchMethods(Supplier<CuratorFramework> client, Supplier<Executor> pool,
			ObjectProvider<WatchDeliveries> deliveries, ObjectProvider<ZkDeferredStartup> deferredStartup) {
		this.client = client;
		this.pool = pool;
		this.deliveries = deliveries;
		this.deferredStartup = deferredStartup;
	}

	/**
	 * Adds a method; it is watched from the start, or at once when watching runs already.
	 * @param method the method
	 */
	void add(WatchMethod method) {
		this.methods.add(method);
		if (this.watches.isRunning()) {
			this.watches.startAll(Stream.of(watch(method)));
		}
	}

	private NodeWatch watch(WatchMethod method) {
		WatchDeliveries deliveries = this.deliveries.getIfAvailable();
		WatchListener listener = (deliveries != null) ? new TimedDelivery(method, deliveries) : method;
		return new NodeWatch(this.client.get(), method.getPath(), method.getKind(), this.pool.get(), listener);
	}

	@Override
	public void start() {
		this.started = true;
		ZkDeferredStartup deferredStartup = this.deferredStartup.getIfAvailable();
		if (deferredStartup == null || this.methods.isEmpty()) {
			startWatches();
			return;
		}
		deferredStartup.run(ZkDeferredStartup.Step.WATCHES, "first calls of " + this.methods.size()
				+ " @ZkWatch method(s)", this::startWatches);
	}

	private void startWatches() {
		if (this.started) {
			this.watches.startAll(this.methods.stream().map(this::watch));
		}
	}

	@Override
	public void stop() {
		this.started = false;
		this.watches.closeAll();
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

}
