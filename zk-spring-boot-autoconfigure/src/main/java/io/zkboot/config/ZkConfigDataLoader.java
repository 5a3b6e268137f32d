package io.zkboot.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zkboot.client.ZkConnectionAwaiter;
import io.zkboot.client.ZkStartupException;
import io.zkboot.config.ZkConfigDataResource.ZkConfigConnection;
import io.zkboot.core.NodeProperties;
import io.zkboot.core.ZkException;
import io.zkboot.core.ZkPath;
import io.zkboot.core.internal.CodePointOrder;
import org.apache.commons.logging.Log;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;
import org.springframework.boot.context.config.ConfigDataResourceNotFoundException;
import org.springframework.boot.logging.DeferredLogFactory;

/**
 * Loads a {@code zk:} location: one {@link ZkPropertySource} with the properties of the node
 * and of each node below it, whose names are prefixed with the node's path below the imported
 * node. A
 * missing node is "not found", so startup fails; with {@code optional:zk:}, or for a default
 * context of {@code zk:} without a path, it gives an empty property source that is watched (its properties arrive when the node is created). A server
 * not reached within {@code zk.startup.wait} fails startup with a {@link ZkStartupException};
 * with {@code optional:zk:} or {@code zk.startup.fail-fast=false} one warning is logged and
 * the node's empty property source is watched, so that its properties are bound once
 * connected. A node holding invalid JSON is logged and gives no properties. Property
 * links ({@code X =>}) are followed; one that cannot be followed is logged and gives no
 * property, and does not fail startup.
 */
public class ZkConfigDataLoader implements ConfigDataLoader<ZkConfigDataResource> {

	private final Log logger;

	/**
	 * Creates the loader.
	 * @param logFactory makes its log, whose messages are written once logging is set up
	 */
	public ZkConfigDataLoader(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(ZkConfigDataLoader.class);
	}

	@Override
	public ConfigData load(ConfigDataLoaderContext context, ZkConfigDataResource resource) {
		if (AotBuildTime.isProcessing()) {
			// the build connects nowhere: the nodes are read when the processed application starts
			this.logger.info(resource + " is not read during AOT processing; it is read at run time");
			return new ConfigData(List.of());
		}
		CuratorFramework client = BootstrapClients.of(context.getBootstrapContext())
			.connected(resource.getConnection());
		if (client == null) {
			return unreachable(resource);
		}
		try {
			List<ImportedNode> nodes = new ArrayList<>();
			load(client, resource.getPath(), "", nodes);
			return configData(resource, nodes);
		}
		catch (KeeperException.NoNodeException ex) {
			if (resource.isMissingAllowed()) {
				// watched like any other, so that the node's properties arrive when it is created
				return configData(resource, List.of(ImportedNode.unread(resource.getPath(), "")));
			}
			throw new ConfigDataResourceNotFoundException(resource, ex);
		}
		catch (Exception ex) {
			throw new ZkException("Cannot load configuration from " + resource, resource.getPath(), ex);
		}
	}

	/**
	 * A server not reached within {@code zk.startup.wait}: fails startup, unless the import is
	 * optional or startup does not fail fast, in which case the node is bound once connected.
	 */
	private ConfigData unreachable(ZkConfigDataResource resource) {
		ZkConfigConnection connection = resource.getConnection();
		List<String> unresolved = ZkConnectionAwaiter.unresolvedHosts(connection.connectString());
		ZkStartupException failure = new ZkStartupException(connection.connectString(), connection.startupWait(),
				unresolved, "to load " + resource + " (spring.config.import)");
		if (!resource.isOptionalImport() && connection.failFast()) {
			throw failure;
		}
		this.logger.warn(failure.getMessage() + "; starting without it, its properties are bound once connected");
		return configData(resource, List.of(ImportedNode.unread(resource.getPath(), "")));
	}

	/**
	 * The import's property source, profile-specific for a profile's default context (so
	 * that it comes before the contexts without a profile, as Boot's profile-specific files do).
	 */
	private ConfigData configData(ZkConfigDataResource resource, List<ImportedNode> nodes) {
		List<ZkPropertySource> sources = List.of(new ZkPropertySource(resource.getPath(), nodes));
		return (resource.getProfile() != null) ? new ConfigData(sources, ConfigData.Option.PROFILE_SPECIFIC)
				: new ConfigData(sources);
	}

	private void load(CuratorFramework client, String path, String prefix, List<ImportedNode> nodes)
			throws Exception {
		Stat stat = new Stat();
		byte[] data = client.getData().storingStatIn(stat).forPath(path);
		Map<String, Object> properties;
		try {
			PropertyLinks.Followed followed = PropertyLinks.follow(client, path,
					NodeProperties.decode(path, data));
			followed.errors().forEach(this.logger::error);
			properties = PropertyKeys.flatten(prefix, followed.properties());
		}
		catch (IllegalArgumentException invalid) {
			this.logger.error(invalid.getMessage() + "; it gives no properties");
			properties = Map.of();
		}
		nodes.add(new ImportedNode(path, prefix, properties, stat.getMzxid()));
		List<String> children = new ArrayList<>(client.getChildren().forPath(path));
		children.sort(CodePointOrder.NAMES);
		for (String child : children) {
			load(client, ZkPath.child(path, child), prefix + child + ".", nodes);
		}
	}

}
