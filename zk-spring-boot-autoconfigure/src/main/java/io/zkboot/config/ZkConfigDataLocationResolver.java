package io.zkboot.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zkboot.client.ZkTlsConfig;
import io.zkboot.config.ZkConfigDataResource.ZkConfigConnection;

import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.StringUtils;

/**
 * Resolves {@code zk:} locations of {@code spring.config.import}: {@code zk:/config/myapp},
 * several paths separated by {@code ;} ({@code zk:/config/shared;/config/myapp}, the later
 * one winning), and {@code optional:zk:...}. ZooKeeper is found with {@code zk.connect-string},
 * {@code zk.namespace}, {@code zk.connection-timeout}, {@code zk.auth.*} and {@code zk.tls.*};
 * with {@code zk.embedded.enabled=true} and no connect string, on the embedded server, started
 * for it.
 */
public class ZkConfigDataLocationResolver implements ConfigDataLocationResolver<ZkConfigDataResource> {

	/** The prefix of the locations resolved here. */
	public static final String PREFIX = "zk:";

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
		String connectString = BootstrapEmbeddedServer.isWanted(binder)
				? BootstrapEmbeddedServer.connectString(context.getBootstrapContext(), binder)
				: binder.bind("zk.connect-string", String.class).orElse("localhost:2181");
		String username = binder.bind("zk.auth.username", String.class).orElse(null);
		String password = binder.bind("zk.auth.password", String.class).orElse("");
		boolean tls = binder.bind("zk.tls.enabled", Boolean.class).orElse(false);
		return new ZkConfigConnection(connectString,
				binder.bind("zk.namespace", String.class).orElse(null),
				binder.bind("zk.connection-timeout", Duration.class).orElse(Duration.ofSeconds(15)),
				(username != null) ? binder.bind("zk.auth.scheme", String.class).orElse("digest") : null,
				(username != null) ? username + ":" + password : null, tls ? tls(binder) : null);
	}

	private ZkTlsConfig tls(Binder binder) {
		return new ZkTlsConfig(binder.bind("zk.tls.key-store", Path.class).orElse(null),
				binder.bind("zk.tls.key-store-password", String.class).orElse(null),
				binder.bind("zk.tls.key-store-type", String.class).orElse(null),
				binder.bind("zk.tls.trust-store", Path.class).orElse(null),
				binder.bind("zk.tls.trust-store-password", String.class).orElse(null),
				binder.bind("zk.tls.trust-store-type", String.class).orElse(null),
				binder.bind("zk.tls.hostname-verification", Boolean.class).orElse(true));
	}

}
