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
 * One imported node kept current in its import's {@link ZkPropertySource}, the one the
 * environment holds now (a refresh of the environment may have replaced the first). When the
 * node changes, or a node read when following its property links changes, its properties are
 * computed again (links followed again, from the node's last good data) and take the place of
 * its old ones in the property source, the beans covering the changed names are re-bound and a
 * {@link ZkConfigChangedEvent} names them. The nodes read when following links each have a
 * data watch, moved when the links lead elsewhere. Changes are applied one at a time.
 */
final class ConfigNode {

	private static final Log logger = LogFactory.getLog(ConfigNode.class);

	private final String sourceName;

	private final String path;

	private final String prefix;

	private final MutablePropertySources sources;

	private final CuratorFramework client;

	private final Executor pool;

	private final ConfigurationPropertiesRebinder rebinder;

	private final ApplicationEventPublisher publisher;

	private final DependencyWatches linkWatches;

	private ImportedNode latest;

	private @Nullable Map<String, Object> stored;

	private boolean closed;

	/**
	 * Creates the node; nothing is watched before its {@link #dataWatch()} starts.
	 * @param sourceName the name of the property source of the node's import
	 * @param node the node as loaded
	 * @param sources the environment's property sources, where the import's current one is
	 * @param client the client to read and watch with
	 * @param pool the pool the watches run on
	 * @param rebinder re-binds the beans
	 * @param publisher publishes the events
	 */
	ConfigNode(String sourceName, ImportedNode node, MutablePropertySources sources, CuratorFramework client,
			Executor pool, ConfigurationPropertiesRebinder rebinder, ApplicationEventPublisher publisher) {
		this.sourceName = sourceName;
		this.path = node.path();
		this.prefix = node.prefix();
		this.latest = node;
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
		return new NodeWatch(this.client, this.path, WatchKind.DATA, this.pool, (snapshot) -> {
			nodeRead(snapshot);
			return true;
		});
	}

	/**
	 * The node as the environment's property source holds it now: a refresh of the
	 * environment (Spring Cloud's {@code /actuator/refresh}) replaces the source with one
	 * loaded anew.
	 */
	private ImportedNode current() {
		ImportedNode now = (this.sources.get(this.sourceName) instanceof ZkPropertySource source)
				? source.node(this.path) : null;
		return (now != null) ? now : this.latest;
	}

	private synchronized void nodeRead(NodeSnapshot snapshot) {
		long version = snapshot.modified();
		boolean loaded = version == current().version();
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
			apply(current().version());
		}
	}

	private void apply(long version) {
		PropertyLinks.Followed followed;
		try {
			followed = PropertyLinks.follow(this.client, this.path, this.stored);
		}
		catch (ZkException unreadable) {
			logger.warn(unreadable.getMessage() + "; the properties of " + this.path
					+ " stay as they are until the next change");
			return;
		}
		ImportedNode current = current();
		ImportedNode changed = current.withProperties(PropertyKeys.flatten(this.prefix, followed.properties()),
				version);
		Object source = replace(changed);
		Set<String> keys = current.changedNames(changed);
		watchLinked(followed.read());
		if (keys.isEmpty()) {
			return;
		}
		followed.errors().forEach(this::report);
		List<String> rebound = this.rebinder.rebind(keys);
		logger.info("Configuration node " + this.path + " changed " + keys + "; re-bound " + rebound);
		this.publisher.publishEvent(new ZkConfigChangedEvent(source, this.path, keys));
	}

	/**
	 * Puts the node's new version in the import's property source the environment holds (when
	 * it holds one).
	 * @return the property source, or this node when the environment holds none
	 */
	private Object replace(ImportedNode changed) {
		this.latest = changed;
		if (this.sources.get(this.sourceName) instanceof ZkPropertySource source && source.node(this.path) != null) {
			source.replace(changed);
			return source;
		}
		return this;
	}

	private void report(String error) {
		logger.error(error);
		Object source = this.sources.get(this.sourceName);
		this.publisher.publishEvent(new ZkConfigErrorEvent((source != null) ? source : this, this.path, error));
	}

	/**
	 * Keeps one data watch on each node read when following the links (but the node itself,
	 * watched already), closing the others.
	 */
	private void watchLinked(Map<String, Long> read) {
		Map<String, Long> linked = new HashMap<>(read);
		linked.remove(this.path);
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
