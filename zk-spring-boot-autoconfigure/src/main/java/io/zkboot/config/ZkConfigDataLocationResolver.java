package io.zkboot.config;

import java.util.ArrayList;
import java.util.List;

import io.zkboot.client.ZkConnectString;
import io.zkboot.client.ZkProperties;
import io.zkboot.config.ZkConfigDataResource.ZkConfigConnection;

import org.apache.commons.logging.Log;

import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * Resolves {@code zk:} locations of {@code spring.config.import}: {@code zk:/config/myapp},
 * several paths separated by {@code ;} ({@code zk:/config/shared;/config/myapp}, the later
 * one winning), and {@code optional:zk:...}. ZooKeeper is found with {@code zk.connect-string},
 * {@code zk.namespace}, {@code zk.connection-timeout}, {@code zk.startup.*}, {@code zk.auth.*} and {@code zk.tls.*},
 * bound to {@link ZkProperties} as for the application's client; with
 * {@code zk.embedded.enabled=true} and no connect string, on the embedded server, started for it.
 */
public class ZkConfigDataLocationResolver implements ConfigDataLocationResolver<ZkConfigDataResource> {

	/** The prefix of the locations resolved here. */
	public static final String PREFIX = "zk:";

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
		ZkConfigConnection connection = connection(context);
		List<ZkConfigDataResource> resources = new ArrayList<>();
		for (String path : location.getNonPrefixedValue(PREFIX).split(";")) {
			String trimmed = path.strip();
			if (!StringUtils.hasText(trimmed) || !trimmed.startsWith("/")) {
				throw new IllegalArgumentException(
						"spring.config.import=" + location + ": the path must be absolute, not '" + trimmed + "'");
			}
			resources.add(new ZkConfigDataResource(trimmed, connection, location.isOptional()));
		}
		return resources;
	}

	private ZkConfigConnection connection(ConfigDataLocationResolverContext context) {
		Binder binder = context.getBinder();
		ZkProperties properties = binder.bindOrCreate("zk", ZkProperties.class);
		// AOT processing reads nothing (ZkConfigDataLoader), so it starts no embedded server either
		String connectString = BootstrapEmbeddedServer.isWanted(binder, properties) && !AotBuildTime.isProcessing()
				? BootstrapEmbeddedServer.connectString(context.getBootstrapContext(), properties.getEmbedded(),
						this.logger)
				: properties.getConnectString();
		try {
			ZkConnectString.parse(connectString);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("zk.connect-string", connectString, ex.getMessage());
		}
		ZkProperties.Auth auth = properties.getAuth();
		ZkProperties.Tls tls = properties.getTls();
		return new ZkConfigConnection(connectString, properties.getNamespace(), properties.getConnectionTimeout(),
				auth.isEnabled() ? auth.getScheme() : null, auth.isEnabled() ? auth.credentials() : null,
				tls.isEnabled() ? tls.toTlsConfig() : null, properties.getStartup().getWait(),
				properties.getStartup().isFailFast());
	}

}
