package io.zkboot.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import io.zkboot.core.NodeProperties;
import io.zkboot.core.ZkException;
import io.zkboot.watch.DependencyWatches;
import io.zkboot.watch.NodeSnapshot;
import io.zkboot.watch.NodeWatch;
import io.zkboot.watch.WatchKind;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.MutablePropertySources;

/**
 * One imported node kept current in its {@link ZkPropertySource}, the one the environment
 * holds now (a refresh of the environment may have replaced the first). When the node changes, or a
 * node read when following its property links changes, its properties are computed again
 * (links followed again, from the node's last good data), the property source is updated, the
 * beans covering the changed names are re-bound and a {@link ZkConfigChangedEvent} names
 * them. The nodes read when following links each have a data watch, moved when the links lead
 * elsewhere. Changes are applied one at a time.
 */
final class ConfigNode {

	private static final Log logger = LogFactory.getLog(ConfigNode.class);

	private final ZkPropertySource source;

	private final MutablePropertySources sources;

	private final CuratorFramework client;

	private final Executor pool;

	private final ConfigurationPropertiesRebinder rebinder;

	private final ApplicationEventPublisher publisher;

	private final DependencyWatches linkWatches;

	private @Nullable Map<String, Object> stored;

	private boolean closed;

	/**
	 * Creates the node; nothing is watched before its {@link #dataWatch()} starts.
	 * @param source the node's property source
	 * @param sources the environment's property sources, where the node's current one is
	 * @param client the client to read and watch with
	 * @param pool the pool the watches run on
	 * @param rebinder re-binds the beans
	 * @param publisher publishes the events
	 */
	ConfigNode(ZkPropertySource source, MutablePropertySources sources, CuratorFramework client, Executor pool,
			ConfigurationPropertiesRebinder rebinder, ApplicationEventPublisher publisher) {
		this.source = source;
		this.sources = sources;
		this.client = client;
		this.pool = pool;
		this.rebinder = rebinder;
		this.publisher = publisher;
		this.linkWatches = new DependencyWatches(client, pool, (path) -> linkedNodeChanged());
	}

	/**
	 * The watch on the node's data, to be started by the caller.
	 * @return a new watch
	 */
	NodeWatch dataWatch() {
		return new NodeWatch(this.client, this.source.getPath(), WatchKind.DATA, this.pool, (snapshot) -> {
			nodeRead(snapshot);
			return true;
		});
	}

	/**
	 * The node's property source the environment holds now: a refresh of the environment
	 * (Spring Cloud's {@code /actuator/refresh}) replaces it with one loaded anew.
	 */
	private ZkPropertySource current() {
		return (this.sources.get(this.source.getName()) instanceof ZkPropertySource now) ? now : this.source;
	}

	private synchronized void nodeRead(NodeSnapshot snapshot) {
		long version = snapshot.exists() ? snapshot.stat().getMzxid() : -1;
		boolean loaded = version == current().getVersion();
		if (this.closed || (loaded && this.stored != null)) {
			return;
		}
		try {
			this.stored = NodeProperties.decode(snapshot.path(), snapshot.data());
		}
		catch (IllegalArgumentException invalid) {
			if (!loaded) {
				report(invalid.getMessage() + "; the last good properties stay");
			}
			return;
		}
		apply(version);
	}

	private synchronized void linkedNodeChanged() {
		if (!this.closed) {
			apply(current().getVersion());
		}
	}

	private void apply(long version) {
		PropertyLinks.Followed followed;
		try {
			followed = PropertyLinks.follow(this.client, this.source.getPath(), this.stored);
		}
		catch (ZkException unreadable) {
			logger.warn(unreadable.getMessage() + "; the properties of " + this.source.getPath()
					+ " stay as they are until the next change");
			return;
		}
		ZkPropertySource current = current();
		Set<String> keys = current.replace(PropertyKeys.flatten(this.source.getPrefix(), followed.properties()),
				version);
		watchLinked(followed.read());
		if (keys.isEmpty()) {
			return;
		}
		followed.errors().forEach(this::report);
		List<String> rebound = this.rebinder.rebind(keys);
		logger.info("Configuration node " + this.source.getPath() + " changed " + keys + "; re-bound " + rebound);
		this.publisher.publishEvent(new ZkConfigChangedEvent(current, this.source.getPath(), keys));
	}

	private void report(String error) {
		logger.error(error);
		this.publisher.publishEvent(new ZkConfigErrorEvent(this.source, this.source.getPath(), error));
	}

	/**
	 * Keeps one data watch on each node read when following the links (but the node itself,
	 * watched already), closing the others.
	 */
	private void watchLinked(Map<String, Long> read) {
		Map<String, Long> linked = new HashMap<>(read);
		linked.remove(this.source.getPath());
		this.linkWatches.watch(linked);
	}

	/**
	 * Stops the watches on linked nodes; the data watch is closed by its owner.
	 */
	synchronized void close() {
		this.closed = true;
		this.linkWatches.close();
	}

}
