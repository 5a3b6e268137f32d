package io.zkboot.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * The startup work that needs ZooKeeper, when the application starts without a connection
 * ({@code zk.startup.fail-fast=false}): held back, and run at the first connection once the
 * application context has started, one piece at a time in the order of {@link Step}, on a
 * thread of its own. While the client is connected and nothing is held back, work runs at
 * once, on the caller's thread, as if there were no deferral.
 */
public final class ZkDeferredStartup implements ApplicationListener<ContextRefreshedEvent>, AutoCloseable {

	private static final Log logger = LogFactory.getLog(ZkDeferredStartup.class);

	private final CuratorFramework client;

	private final ApplicationContext context;

	private final ExecutorService runner = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "zk-deferred-startup");
		thread.setDaemon(true);
		return thread;
	});

	private final ConnectionStateListener connectionListener = this::connectionChanged;

	private final List<Deferred> held = new ArrayList<>();

	private boolean contextStarted;

	private boolean running;

	private boolean closed;

	/**
	 * The kinds of startup work, in the order they run once connected.
	 */
	public enum Step {

		/** The import of {@code zk.tree.import.locations}. */
		TREE_IMPORT,

		/** The application's registration in the service registry. */
		REGISTRATION,

		/** The configuration nodes of {@code spring.config.import=zk:...}. */
		CONFIGURATION,

		/** The first calls of {@code @ZkWatch} methods. */
		WATCHES

	}

	/**
	 * Creates the deferral for a client.
	 * @param client the application's client
	 * @param context the application context whose start releases the held-back work
	 */
	public ZkDeferredStartup(CuratorFramework client, ApplicationContext context) {
		this.client = client;
		this.context = context;
		client.getConnectionStateListenable().addListener(this.connectionListener);
	}

	/**
	 * Runs a piece of startup work now when connected and nothing is held back, else holds
	 * it back until the first connection.
	 * @param step what kind of work it is
	 * @param description what it is, for the log ("import of ...")
	 * @param work the work; when held back, an exception it throws is logged
	 */
	public void run(Step step, String description, Runnable work) {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			if (!this.held.isEmpty() || this.running || !isConnected()) {
				this.held.add(new Deferred(step, description, work));
				logger.info("Not connected to ZooKeeper: deferring the " + description + " to the first connection");
				return;
			}
		}
		work.run();
	}

	/**
	 * Whether startup work is held back or running.
	 * @return true until the held-back work has run
	 */
	public synchronized boolean isPending() {
		return !this.held.isEmpty() || this.running;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		if (event.getApplicationContext() == this.context) {
			synchronized (this) {
				this.contextStarted = true;
			}
			release();
		}
	}

	private void connectionChanged(CuratorFramework client, ConnectionState state) {
		if (state.isConnected()) {
			release();
		}
	}

	private synchronized void release() {
		if (this.closed || this.running || !this.contextStarted || this.held.isEmpty() || !isConnected()) {
			return;
		}
		this.running = true;
		this.runner.execute(this::runHeld);
	}

	private void runHeld() {
		while (true) {
			Deferred next;
			synchronized (this) {
				if (this.closed || this.held.isEmpty() || !isConnected()) {
					this.running = false;
					return;
				}
				next = this.held.stream().min(Comparator.comparing(Deferred::step)).orElseThrow();
				this.held.remove(next);
			}
			logger.info("Connected to ZooKeeper: starting the deferred " + next.description());
			try {
				next.work().run();
			}
			catch (RuntimeException ex) {
				logger.error("The deferred " + next.description() + " failed", ex);
			}
		}
	}

	private boolean isConnected() {
		return this.client.getZookeeperClient().isConnected();
	}

	/**
	 * Drops the work still held back.
	 */
	@Override
	public void close() {
		synchronized (this) {
			this.closed = true;
			this.held.clear();
		}
		this.client.getConnectionStateListenable().removeListener(this.connectionListener);
		this.runner.shutdownNow();
	}

	private record Deferred(Step step, String description, Runnable work) {
	}

}
