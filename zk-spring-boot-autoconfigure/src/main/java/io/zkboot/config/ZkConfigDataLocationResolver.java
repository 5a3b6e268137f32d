package io.zkboot.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.zkboot.client.ZkClientSettings;
import io.zkboot.client.ZkConnectString;
import io.zkboot.client.ZkProperties;
import io.zkboot.config.ZkConfigDataResource.ZkConfigConnection;
import io.zkboot.core.ZkPath;
import io.zkboot.embedded.EmbeddedZooKeeper;

import org.apache.commons.logging.Log;

import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.config.Profiles;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.util.StringUtils;

/**
 * Resolves {@code zk:} locations of {@code spring.config.import}: {@code zk:/config/myapp},
 * several paths separated by {@code ;} ({@code zk:/config/shared;/config/myapp}, the later
 * one winning), {@code zk:} alone for the default contexts as Spring Cloud Zookeeper reads
 * them (see {@link #resolveProfileSpecific}), and {@code optional:zk:...}. ZooKeeper is found with {@code zk.*} (and
 * {@code zk.startup.*}), bound to {@link ZkProperties} and turned into
 * {@link ZkClientSettings} as for the application's client (the SSL bundle of
 * {@code zk.tls.bundle} from {@code spring.ssl.bundle.*}, see {@link BootstrapSslBundles}); with
 * {@code zk.embedded.enabled=true} and no connect string, on the embedded server, started for it.
 */
public class ZkConfigDataLocationResolver implements ConfigDataLocationResolver<ZkConfigDataResource> {

	/** The prefix of the locations resolved here. */
	public static final String PREFIX = "zk:";

	private static final String DEFAULT_CONTEXT = "application";

	private final Log logger;

	/**
	 * A resolver whose messages wait for the logging system, as Boot creates it.
	 * @param logFactory Boot's deferred log factory
	 */
	public ZkConfigDataLocationResolver(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(ZkConfigDataLocationResolver.class);
	}

	@Override
	public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		return location.hasPrefix(PREFIX);
	}

	@Override
	public List<ZkConfigDataResource> resolve(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		String paths = location.getNonPrefixedValue(PREFIX);
		if (!StringUtils.hasText(paths)) {
			return List.of();
		}
		ZkConfigConnection connection = connection(context);
		List<ZkConfigDataResource> resources = new ArrayList<>();
		for (String path : paths.split(";")) {
			String trimmed = path.strip();
			if (!StringUtils.hasText(trimmed) || !trimmed.startsWith("/")) {
				throw new IllegalArgumentException(
						"spring.config.import=" + location + ": the path must be absolute, not '" + trimmed + "'");
			}
			resources.add(new ZkConfigDataResource(trimmed, connection, location.isOptional(), false, null));
		}
		return resources;
	}

	/**
	 * The default contexts of {@code zk:} without a path, once the profiles are known, least
	 * specific first: {@code <root>/application}, {@code <root>/<spring.application.name>},
	 * then for each active profile {@code <root>/application,<profile>} and
	 * {@code <root>/<name>,<profile>}. A context whose node is missing is empty and watched.
	 */
	@Override
	public List<ZkConfigDataResource> resolveProfileSpecific(ConfigDataLocationResolverContext context,
			ConfigDataLocation location, Profiles profiles) {
		if (StringUtils.hasText(location.getNonPrefixedValue(PREFIX))) {
			return List.of();
		}
		Binder binder = context.getBinder();
		ZkConfigProperties properties = binder.bindOrCreate("zk.config", ZkConfigProperties.class);
		Set<String> names = new LinkedHashSet<>();
		names.add(DEFAULT_CONTEXT);
		binder.bind("spring.application.name", String.class).ifBound(names::add);
		ZkConfigConnection connection = connection(context);
		List<ZkConfigDataResource> resources = new ArrayList<>();
		names.forEach((name) -> resources.add(new ZkConfigDataResource(ZkPath.child(properties.getRoot(), name),
				connection, location.isOptional(), true, null)));
		for (String profile : profiles.getAccepted()) {
			names.forEach((name) -> resources.add(new ZkConfigDataResource(
					ZkPath.child(properties.getRoot(), name + properties.getProfileSeparator() + profile), connection,
					location.isOptional(), true, profile)));
		}
		return resources;
	}

	private ZkConfigConnection connection(ConfigDataLocationResolverContext context) {
		Binder binder = context.getBinder();
		ZkProperties properties = binder.bindOrCreate("zk", ZkProperties.class);
		// AOT processing reads nothing (ZkConfigDataLoader), so it starts no embedded server either
		String connectString = EmbeddedZooKeeper.isWanted(binder) && !AotBuildTime.isProcessing()
				? BootstrapEmbeddedServer.connectString(context.getBootstrapContext(), properties.getEmbedded(),
						this.logger)
				: properties.getConnectString();
		try {
			ZkConnectString.parse(connectString);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("zk.connect-string", connectString, ex.getMessage());
		}
		SslBundle sslBundle = properties.getTls().resolveBundle(new BootstrapSslBundles(binder)::getBundle);
		return new ZkConfigConnection(
				ZkClientSettings.of(properties, connectString, properties.getAuth().toAuth(), sslBundle),
				properties.getStartup().getWait(), properties.getStartup().isFailFast());
	}

}
