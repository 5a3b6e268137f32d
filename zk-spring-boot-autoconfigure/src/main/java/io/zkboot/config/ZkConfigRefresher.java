package io.zkboot.config;

import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import io.zkboot.client.ZkDeferredStartup;
import io.zkboot.core.ZkPath;
import io.zkboot.watch.NodeWatch;
import io.zkboot.watch.NodeWatches;
import io.zkboot.watch.WatchKind;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps the {@link ZkPropertySource}s of the environment current: one data watch and one
 * children watch per node, and a data watch on each node its property links lead through. A
 * node created below an imported node joins its import's property source, placed after its
 * parent, and its properties are applied as a change. When a node (or a node its links lead
 * through) changes, only its properties are computed again, from the data the watch read and the
 * links followed again, then the {@code @ConfigurationProperties} beans bound to the changed
 * names are re-bound and a {@link ZkConfigChangedEvent} names them (see {@link ConfigNode}).
 * A read with no change (the first one, or one after a new session) does nothing. Invalid JSON
 * and links that cannot be followed are logged and published as {@link ZkConfigErrorEvent}s;
 * with invalid JSON the last good properties stay. Without a connection at start, the nodes
 * are read at the first connection ({@link ZkDeferredStartup}), and what they hold is then
 * applied as a change.
 */
public class ZkConfigRefresher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ZkConfigRefresher.class);

	private final ConfigurableEnvironment environment;

	private final CuratorFramework client;

	private final Executor pool;

	private final ConfigurationPropertiesRebinder rebinder;

	private final ApplicationEventPublisher publisher;

	private final NodeWatches watches = new NodeWatches();

	private final List<ConfigNode> nodes = new CopyOnWriteArrayList<>();

	private final @Nullable ZkDeferredStartup deferredStartup;

	private volatile boolean started;

	/**
	 * Creates the refresher.
	 * @param environment the environment holding the property sources
	 * @param client the client to watch with
	 * @param pool the pool the watches run on
	 * @param rebinder re-binds the beans
	 * @param publisher publishes the events
	 * @param deferredStartup holds the first reads back while there is no connection, may be
	 * {@code null}
	 */
	public ZkConfigRefresher(ConfigurableEnvironment environment, CuratorFramework client, Executor pool,
			ConfigurationPropertiesRebinder rebinder, ApplicationEventPublisher publisher,
			@Nullable ZkDeferredStartup deferredStartup) {
		this.environment = environment;
		this.client = client;
		this.pool = pool;
		this.rebinder = rebinder;
		this.publisher = publisher;
		this.deferredStartup = deferredStartup;
	}

	@Override
	public void start() {
		this.started = true;
		boolean imported = this.environment.getPropertySources().stream().anyMatch(ZkPropertySource.class::isInstance);
		if (this.deferredStartup == null || !imported) {
			watchAll();
			return;
		}
		this.deferredStartup.run(ZkDeferredStartup.Step.CONFIGURATION, "first reads of the configuration nodes (spring.config.import)",
				this::watchAll);
	}

	private void watchAll() {
		if (!this.started) {
			return;
		}
		this.watches.startAll(this.environment.getPropertySources()
			.stream()
			.filter(ZkPropertySource.class::isInstance)
			.flatMap((source) -> ((ZkPropertySource) source).nodes()
				.stream()
				.flatMap((node) -> watch(source.getName(), node))));
	}

	private Stream<NodeWatch> watch(String sourceName, ImportedNode imported) {
		ConfigNode node = new ConfigNode(sourceName, imported, this.environment.getPropertySources(), this.client,
				this.pool, this.rebinder, this.publisher);
		this.nodes.add(node);
		NodeWatch children = new NodeWatch(this.client, imported.path(), WatchKind.CHILDREN, this.pool,
				(snapshot) -> {
					snapshot.children().forEach((child) -> childSeen(sourceName, imported, child));
					return true;
				});
		return Stream.of(node.dataWatch(), children);
	}

	private void childSeen(String sourceName, ImportedNode parent, String child) {
		String path = ZkPath.child(parent.path(), child);
		ImportedNode added = ImportedNode.unread(path, parent.prefix() + child + ".");
		if (!this.watches.isRunning()
				|| !(this.environment.getPropertySources().get(sourceName) instanceof ZkPropertySource source)
				|| !source.addAfter(parent.path(), added)) {
			return;
		}
		logger.info("Configuration node " + path + " appeared under " + parent.path());
		this.watches.startAll(watch(sourceName, added));
	}

	@Override
	public void stop() {
		this.started = false;
		this.watches.closeAll();
		this.nodes.forEach(ConfigNode::close);
		this.nodes.clear();
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

}
