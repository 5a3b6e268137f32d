package io.zkboot.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
 * {@code zk.namespace} and {@code zk.connection-timeout}.
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
		Binder binder = context.getBinder();
		ZkConfigConnection connection = new ZkConfigConnection(
				binder.bind("zk.connect-string", String.class).orElse("localhost:2181"),
				binder.bind("zk.namespace", String.class).orElse(null),
				binder.bind("zk.connection-timeout", Duration.class).orElse(Duration.ofSeconds(15)));
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

}
