package io.zkboot.config;

import java.time.Duration;
import java.util.Objects;

import io.zkboot.client.ZkClientSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.config.ConfigDataResource;

/**
 * A node whose properties, and its children's, are loaded as configuration
 * ({@code spring.config.import=zk:/path}), with where to find ZooKeeper.
 */
public final class ZkConfigDataResource extends ConfigDataResource {

	private final String path;

	private final ZkConfigConnection connection;

	private final boolean optional;

	private final boolean defaultContext;

	private final @Nullable String profile;

	/**
	 * Creates the resource.
	 * @param path the node's path
	 * @param connection where to find ZooKeeper
	 * @param optional whether a missing node (or an unreachable server) is ignored
	 * @param defaultContext whether the node is a default context of {@code zk:} without
	 * a path, which may be missing
	 * @param profile the profile of a profile-specific default context, or {@code null}
	 */
	public ZkConfigDataResource(String path, ZkConfigConnection connection, boolean optional, boolean defaultContext,
			@Nullable String profile) {
		super(optional);
		this.path = path;
		this.connection = connection;
		this.optional = optional;
		this.defaultContext = defaultContext;
		this.profile = profile;
	}

	/**
	 * Whether a missing node gives an empty, watched property source rather than failing
	 * startup: with {@code optional:zk:}, and for the default contexts.
	 * @return true when the node may be missing
	 */
	public boolean isMissingAllowed() {
		return this.optional || this.defaultContext;
	}

	/**
	 * The profile of a profile-specific default context.
	 * @return the profile, or {@code null}
	 */
	public @Nullable String getProfile() {
		return this.profile;
	}

	/**
	 * Whether the import was {@code optional:zk:}.
	 * @return true when a missing node (or an unreachable server) does not fail startup
	 */
	public boolean isOptionalImport() {
		return this.optional;
	}

	/**
	 * The node's path.
	 * @return an absolute path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * Where to find ZooKeeper.
	 * @return the connection settings
	 */
	public ZkConfigConnection getConnection() {
		return this.connection;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ZkConfigDataResource that && this.path.equals(that.path)
				&& this.connection.equals(that.connection);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.path, this.connection);
	}

	@Override
	public String toString() {
		return "zk:" + this.path;
	}

	/**
	 * The settings of {@code zk.*} the loader connects with.
	 *
	 * @param client what the client is built from, as the application's client is
	 * @param startupWait {@code zk.startup.wait}, how long to wait for the connection
	 * @param failFast {@code zk.startup.fail-fast}: whether an unreachable server fails a
	 * {@code zk:} import that is not optional
	 */
	public record ZkConfigConnection(ZkClientSettings client, Duration startupWait, boolean failFast) {

		/**
		 * Where the client connects.
		 * @return the connect string
		 */
		public String connectString() {
			return this.client.connectString();
		}

		@Override
		public String toString() {
			return this.client.toString();
		}

	}

}
