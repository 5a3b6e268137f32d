package io.zkboot.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;

/**
 * Configuration of the ZooKeeper client, bound from {@code zk.*}: by the auto-configuration
 * for the application's client, and by the {@code zk:} config-data import for the client
 * that reads configuration before the application context exists.
 */
@ConfigurationProperties("zk")
public class ZkProperties {

	/**
	 * Comma-separated host:port list of the ensemble, optionally followed by a chroot
	 * path, for example "zk1:2181,zk2:2181/myapp".
	 */
	private String connectString = "localhost:2181";

	/**
	 * Namespace (a path without leading slash) that every path of the client is relative
	 * to, as Curator's namespace.
	 */
	private @Nullable String namespace;

	/**
	 * Session timeout requested from the server. Ephemeral nodes of a session outlive a
	 * lost connection by at most this long.
	 */
	private Duration sessionTimeout = Duration.ofSeconds(60);

	/**
	 * How long one connection attempt may take.
	 */
	private Duration connectionTimeout = Duration.ofSeconds(15);

	/**
	 * Whether the client may connect to a server that is in read-only mode (cut off from
	 * its quorum), as kazoo's read_only.
	 */
	private boolean readOnly = false;

	private final Retry retry = new Retry();

	private final Auth auth = new Auth();

	private final Acl acl = new Acl();

	private final Tls tls = new Tls();

	private final Startup startup = new Startup();

	private final Embedded embedded = new Embedded();

	public String getConnectString() {
		return this.connectString;
	}

	public void setConnectString(String connectString) {
		this.connectString = connectString;
	}

	public @Nullable String getNamespace() {
		return this.namespace;
	}

	public void setNamespace(@Nullable String namespace) {
		this.namespace = namespace;
	}

	public Duration getSessionTimeout() {
		return this.sessionTimeout;
	}

	public void setSessionTimeout(Duration sessionTimeout) {
		this.sessionTimeout = sessionTimeout;
	}

	public Duration getConnectionTimeout() {
		return this.connectionTimeout;
	}

	public void setConnectionTimeout(Duration connectionTimeout) {
		this.connectionTimeout = connectionTimeout;
	}

	public boolean isReadOnly() {
		return this.readOnly;
	}

	public void setReadOnly(boolean readOnly) {
		this.readOnly = readOnly;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Auth getAuth() {
		return this.auth;
	}

	public Acl getAcl() {
		return this.acl;
	}

	public Tls getTls() {
		return this.tls;
	}

	public Startup getStartup() {
		return this.startup;
	}

	public Embedded getEmbedded() {
		return this.embedded;
	}

	/**
	 * Retry of operations that fail because the connection was lost (exponential
	 * backoff).
	 */
	public static class Retry {

		/**
		 * Sleep before the first retry; doubled (with jitter) for each further retry.
		 */
		private Duration baseSleep = Duration.ofMillis(100);

		/**
		 * Longest sleep between two retries.
		 */
		private Duration maxSleep = Duration.ofSeconds(5);

		/**
		 * How many times an operation is retried before its error is raised.
		 */
		private int maxRetries = 10;

		public Duration getBaseSleep() {
			return this.baseSleep;
		}

		public void setBaseSleep(Duration baseSleep) {
			this.baseSleep = baseSleep;
		}

		public Duration getMaxSleep() {
			return this.maxSleep;
		}

		public void setMaxSleep(Duration maxSleep) {
			this.maxSleep = maxSleep;
		}

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

	}

	/**
	 * Credentials the client authenticates its session with.
	 */
	public static class Auth {

		/**
		 * Authentication scheme.
		 */
		private String scheme = "digest";

		/**
		 * User name of the digest credentials. Authentication is on when it is set.
		 */
		private @Nullable String username;

		/**
		 * Password of the digest credentials.
		 */
		private @Nullable String password;

		public String getScheme() {
			return this.scheme;
		}

		public void setScheme(String scheme) {
			this.scheme = scheme;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		/**
		 * Whether credentials are configured.
		 * @return true when a user name is set
		 */
		public boolean isEnabled() {
			return this.username != null && !this.username.isBlank();
		}

		/**
		 * These credentials as the connection details carry them.
		 * @return {@code username:password} under {@link #getScheme() the scheme} (the
		 * password empty when unset), or {@code null} when no user name is set
		 */
		public ZkConnectionDetails.Auth toAuth() {
			return isEnabled() ? new ZkConnectionDetails.Auth(this.scheme,
					this.username + ":" + ((this.password != null) ? this.password : "")) : null;
		}

	}

	/**
	 * The ACL of the nodes the starter creates.
	 */
	public static class Acl {

		/**
		 * Default ACL of created nodes. When unset: creator-all when auth is configured,
		 * open otherwise.
		 */
		private @Nullable ZkAclMode mode;

		public @Nullable ZkAclMode getMode() {
			return this.mode;
		}

		public void setMode(@Nullable ZkAclMode mode) {
			this.mode = mode;
		}

	}

	/**
	 * TLS to the server, configured on the client only (no JVM-wide system properties).
	 */
	public static class Tls {

		/**
		 * Whether to connect to the server's secure client port over TLS. Enabled
		 * automatically if "bundle" is provided unless specified otherwise.
		 */
		private Boolean enabled;

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) with the client's key and the trusted
		 * certificates. Replaces the key-store and trust-store properties, which must not be
		 * set with it.
		 */
		private String bundle;

		/**
		 * Key store file with the client's certificate and key (for mutual TLS).
		 */
		private @Nullable Path keyStore;

		/**
		 * Password of the key store.
		 */
		private @Nullable String keyStorePassword;

		/**
		 * Type of the key store (PKCS12, JKS or PEM). Derived from the file name when
		 * unset.
		 */
		private @Nullable String keyStoreType;

		/**
		 * Trust store file with the certificates the server's certificate is checked
		 * against.
		 */
		private @Nullable Path trustStore;

		/**
		 * Password of the trust store.
		 */
		private @Nullable String trustStorePassword;

		/**
		 * Type of the trust store (PKCS12, JKS or PEM). Derived from the file name when
		 * unset.
		 */
		private @Nullable String trustStoreType;

		/**
		 * Whether the server's host name must match its certificate.
		 */
		private boolean hostnameVerification = true;

		public boolean isEnabled() {
			return (this.enabled != null) ? this.enabled : this.bundle != null;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

		public @Nullable Path getKeyStore() {
			return this.keyStore;
		}

		public void setKeyStore(@Nullable Path keyStore) {
			this.keyStore = keyStore;
		}

		public @Nullable String getKeyStorePassword() {
			return this.keyStorePassword;
		}

		public void setKeyStorePassword(@Nullable String keyStorePassword) {
			this.keyStorePassword = keyStorePassword;
		}

		public @Nullable String getKeyStoreType() {
			return this.keyStoreType;
		}

		public void setKeyStoreType(@Nullable String keyStoreType) {
			this.keyStoreType = keyStoreType;
		}

		public @Nullable Path getTrustStore() {
			return this.trustStore;
		}

		public void setTrustStore(@Nullable Path trustStore) {
			this.trustStore = trustStore;
		}

		public @Nullable String getTrustStorePassword() {
			return this.trustStorePassword;
		}

		public void setTrustStorePassword(@Nullable String trustStorePassword) {
			this.trustStorePassword = trustStorePassword;
		}

		public @Nullable String getTrustStoreType() {
			return this.trustStoreType;
		}

		public void setTrustStoreType(@Nullable String trustStoreType) {
			this.trustStoreType = trustStoreType;
		}

		public boolean isHostnameVerification() {
			return this.hostnameVerification;
		}

		public void setHostnameVerification(boolean hostnameVerification) {
			this.hostnameVerification = hostnameVerification;
		}

		/**
		 * The SSL bundle named by {@code zk.tls.bundle}, when TLS is enabled.
		 * @param bundles looks a bundle up by its name, throwing
		 * {@link NoSuchSslBundleException} for an unknown one
		 * @return the bundle, or {@code null} when TLS is off or no bundle is named
		 * @throws MutuallyExclusiveConfigurationPropertiesException when a key store or
		 * trust store is set as well
		 * @throws InvalidConfigurationPropertyValueException when there is no such bundle, or
		 * its key or trust material cannot be read
		 */
		public SslBundle resolveBundle(Function<String, SslBundle> bundles) {
			if (this.bundle == null) {
				return null;
			}
			Set<String> configured = new LinkedHashSet<>();
			configured.add("zk.tls.bundle");
			if (this.keyStore != null) {
				configured.add("zk.tls.key-store");
			}
			if (this.trustStore != null) {
				configured.add("zk.tls.trust-store");
			}
			if (configured.size() > 1) {
				throw new MutuallyExclusiveConfigurationPropertiesException(configured, configured);
			}
			if (!isEnabled()) {
				return null;
			}
			SslBundle found;
			try {
				found = bundles.apply(this.bundle);
			}
			catch (NoSuchSslBundleException ex) {
				throw new InvalidConfigurationPropertyValueException("zk.tls.bundle", this.bundle,
						ex.getMessage() + "; define it under spring.ssl.bundle.jks." + this.bundle
								+ " or spring.ssl.bundle.pem." + this.bundle);
			}
			try {
				// its stores are read (and written for the client) now, for a failure that names the bundle
				BundleStoreFiles.of(found);
			}
			catch (RuntimeException ex) {
				throw new InvalidConfigurationPropertyValueException("zk.tls.bundle", this.bundle, ex.getMessage());
			}
			return found;
		}

		/**
		 * These settings as a client's TLS configuration.
		 * @return the configuration, whether TLS is enabled or not
		 */
		public ZkTlsConfig toTlsConfig() {
			return new ZkTlsConfig(this.keyStore, this.keyStorePassword, this.keyStoreType, this.trustStore,
					this.trustStorePassword, this.trustStoreType, this.hostnameVerification, null, null, null);
		}

	}

	/**
	 * What the application does while it has no connection at startup.
	 */
	public static class Startup {

		/**
		 * How long startup waits for the first connection. The zk: configuration import
		 * waits as long, and when it waited in vain, the client waits only what is left.
		 */
		private Duration wait = Duration.ofSeconds(15);

		/**
		 * Whether startup fails when no connection is made within the wait. When false,
		 * the application starts degraded and the client keeps trying to connect; the
		 * startup tree import, the registration, the zk: configuration nodes and the first
		 * calls of @ZkWatch methods then run at the first connection, in that order.
		 */
		private boolean failFast = true;

		public Duration getWait() {
			return this.wait;
		}

		public void setWait(Duration wait) {
			this.wait = wait;
		}

		public boolean isFailFast() {
			return this.failFast;
		}

		public void setFailFast(boolean failFast) {
			this.failFast = failFast;
		}

	}

	/**
	 * A ZooKeeper server started inside the application, for development and demos.
	 */
	public static class Embedded {

		/**
		 * Whether to start an embedded ZooKeeper server that the client connects to.
		 * Ignored when zk.connect-string is set explicitly.
		 */
		private boolean enabled = false;

		/**
		 * Client port of the embedded server; 0 picks a free port.
		 */
		private int port = 0;

		/**
		 * Directory for the embedded server's data, created when missing; a temporary
		 * directory, deleted on shutdown, when unset.
		 */
		private @Nullable Path dataDir;

		/**
		 * Further server settings, as in zoo.cfg (for example secureClientPort).
		 */
		private Map<String, String> properties = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public @Nullable Path getDataDir() {
			return this.dataDir;
		}

		public void setDataDir(@Nullable Path dataDir) {
			this.dataDir = dataDir;
		}

		public Map<String, String> getProperties() {
			return this.properties;
		}

		public void setProperties(Map<String, String> properties) {
			this.properties = properties;
		}

	}

}
