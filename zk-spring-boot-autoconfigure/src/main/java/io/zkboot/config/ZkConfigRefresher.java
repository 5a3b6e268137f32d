package io.zkboot.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.concurrent.Executor;

import io.zkboot.core.ZkPath;
import io.zkboot.watch.NodeSnapshot;
import io.zkboot.watch.NodeWatch;
import io.zkboot.watch.NodeWatches;
import io.zkboot.watch.WatchKind;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;

/**
 * Keeps the {@link ZkPropertySource}s of the environment current: one data watch and one
 * children watch per node. A node created below an imported node gets a property source of its
 * own, placed after its parent's, and its properties are applied as a change. When a node
 * changes, only its property source is updated, from the data the watch read,
 * then the {@code @ConfigurationProperties} beans bound to the changed names are re-bound and
 * a {@link ZkConfigChangedEvent} names them. A read with no change (the first one, or one
 * after a new session) does nothing. Invalid JSON is logged and published as a
 * {@link ZkConfigErrorEvent}; the last good properties stay.
 */
public class ZkConfigRefresher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ZkConfigRefresher.class);

	private final ConfigurableEnvironment environment;

	private final CuratorFramework client;

	private final Executor pool;

	private final ConfigurationPropertiesRebinder rebinder;

	private final ApplicationEventPublisher publisher;

	private final NodeWatches watches = new NodeWatches();

	/**
	 * Creates the refresher.
	 * @param environment the environment holding the property sources
	 * @param client the client to watch with
	 * @param pool the pool the watches run on
	 * @param rebinder re-binds the beans
	 * @param publisher publishes the events
	 */
	public ZkConfigRefresher(ConfigurableEnvironment environment, CuratorFramework client, Executor pool,
			ConfigurationPropertiesRebinder rebinder, ApplicationEventPublisher publisher) {
		this.environment = environment;
		this.client = client;
		this.pool = pool;
		this.rebinder = rebinder;
		this.publisher = publisher;
	}

	@Override
	public void start() {
		this.watches.startAll(this.environment.getPropertySources()
			.stream()
			.filter(ZkPropertySource.class::isInstance)
			.flatMap((source) -> watch((ZkPropertySource) source)));
	}

	private Stream<NodeWatch> watch(ZkPropertySource source) {
		NodeWatch data = new NodeWatch(this.client, source.getPath(), WatchKind.DATA, this.pool, (snapshot) -> {
			changed(source, snapshot);
			return true;
		});
		NodeWatch children = new NodeWatch(this.client, source.getPath(), WatchKind.CHILDREN, this.pool,
				(snapshot) -> {
					snapshot.children().forEach((child) -> childSeen(source, child));
					return true;
				});
		return Stream.of(data, children);
	}

	private void childSeen(ZkPropertySource parent, String child) {
		String path = ZkPath.child(parent.getPath(), child);
		ZkPropertySource source = new ZkPropertySource(path, parent.getPrefix() + child + ".", Map.of(),
				ZkPropertySource.NEVER_READ);
		MutablePropertySources sources = this.environment.getPropertySources();
		synchronized (sources) {
			if (!this.watches.isRunning() || sources.contains(source.getName())) {
				return;
			}
			sources.addAfter(parent.getName(), source);
		}
		logger.info("Configuration node " + path + " appeared under " + parent.getPath());
		this.watches.startAll(watch(source));
	}

	private void changed(ZkPropertySource source, NodeSnapshot snapshot) {
		long version = snapshot.exists() ? snapshot.stat().getMzxid() : -1;
		if (version == source.getVersion()) {
			return;
		}
		Map<String, Object> properties;
		try {
			properties = PropertyKeys.flatten(source.getPrefix(),
					NodeConfiguration.properties(snapshot.path(), snapshot.data()));
		}
		catch (IllegalArgumentException invalid) {
			logger.error(invalid.getMessage() + "; the last good properties stay");
			this.publisher.publishEvent(new ZkConfigErrorEvent(source, source.getPath(), invalid.getMessage()));
			return;
		}
		Set<String> keys = source.replace(properties, version);
		if (keys.isEmpty()) {
			return;
		}
		List<String> rebound = this.rebinder.rebind(keys);
		logger.info("Configuration node " + source.getPath() + " changed " + keys + "; re-bound " + rebound);
		this.publisher.publishEvent(new ZkConfigChangedEvent(source, source.getPath(), keys));
	}

	@Override
	public void stop() {
		this.watches.closeAll();
	}

	@Override
	public boolean isRunning() {
		return this.watches.isRunning();
	}

}
