package io.zkboot.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;

/**
 * A real standalone ZooKeeper server running inside this JVM, built with ZooKeeper's own
 * embedded-server API. Used by the sample application and by tests.
 * <p>
 * The admin server is off and all four-letter-word commands are allowed.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {

	/**
	 * The name of the server's bean, whether the embedded auto-configuration starts it or the
	 * {@code zk:} configuration import started it before the application context and hands it
	 * over.
	 */
	public static final String BEAN_NAME = "embeddedZooKeeper";

	private static final Log logger = LogFactory.getLog(EmbeddedZooKeeper.class);

	private final int port;

	private final Path dataDir;

	private final boolean temporaryDataDir;

	private final Map<String, String> settings;

	private @Nullable ZooKeeperServerEmbedded server;

	private EmbeddedZooKeeper(int port, @Nullable Path dataDir, Map<String, String> settings) {
		this.port = (port != 0) ? port : freePort();
		this.temporaryDataDir = (dataDir == null);
		this.dataDir = (dataDir != null) ? dataDir : temporaryDirectory();
		this.settings = Map.copyOf(settings);
	}

	/**
	 * Whether the application wants an embedded server: {@code zk.embedded.enabled=true} and no
	 * {@code zk.connect-string} (an explicit connect string turns the embedded server off). The
	 * one decision of the embedded auto-configuration and of the {@code zk:} configuration
	 * import, which has to start the server before the application context exists.
	 * @param binder the configuration
	 * @return whether to start (or use) the embedded server
	 */
	public static boolean isWanted(Binder binder) {
		return binder.bind("zk.embedded.enabled", Boolean.class).orElse(false)
				&& !binder.bind("zk.connect-string", String.class).isBound();
	}

	/**
	 * Start a server on a free port with a temporary data directory.
	 * @return the running server
	 */
	public static EmbeddedZooKeeper start() {
		return start(0, null, Map.of());
	}

	/**
	 * Start a server.
	 * @param port the client port, 0 for a free one
	 * @param dataDir the data directory (created when missing), null for a temporary one
	 * deleted on close
	 * @param settings further zoo.cfg settings (they win over the defaults)
	 * @return the running server
	 */
	public static EmbeddedZooKeeper start(int port, @Nullable Path dataDir, Map<String, String> settings) {
		EmbeddedZooKeeper zooKeeper = new EmbeddedZooKeeper(port, dataDir, settings);
		zooKeeper.startServer();
		return zooKeeper;
	}

	private void startServer() {
		Map<String, String> config = new LinkedHashMap<>();
		config.put("clientPort", Integer.toString(this.port));
		config.put("clientPortAddress", InetAddress.getLoopbackAddress().getHostAddress());
		config.put("dataDir", this.dataDir.resolve("data").toString());
		config.put("tickTime", "500");
		config.put("initLimit", "10");
		config.put("syncLimit", "5");
		config.put("admin.enableServer", "false");
		config.put("4lw.commands.whitelist", "*");
		config.putAll(this.settings);
		Properties properties = new Properties();
		properties.putAll(config);
		ZooKeeperServerEmbedded starting;
		try {
			Files.createDirectories(this.dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Could not create the data directory " + this.dataDir + " of the embedded ZooKeeper server", ex);
		}
		try {
			starting = ZooKeeperServerEmbedded.builder()
				.baseDir(this.dataDir)
				.configuration(properties)
				.exitHandler(ExitHandler.LOG_ONLY)
				.build();
			// on failure, start(...) has closed the server itself
			starting.start(30_000);
		}
		catch (Exception ex) {
			close();
			throw new IllegalStateException("Could not start the embedded ZooKeeper server on port " + this.port, ex);
		}
		this.server = starting;
		logger.info("Embedded ZooKeeper server listening on " + getConnectString() + ", data in " + this.dataDir);
	}

	/**
	 * Where clients connect.
	 * @return {@code 127.0.0.1:PORT}
	 */
	public String getConnectString() {
		return InetAddress.getLoopbackAddress().getHostAddress() + ":" + this.port;
	}

	/**
	 * The client port.
	 * @return the port
	 */
	public int getPort() {
		return this.port;
	}

	/**
	 * The directory holding the server's data.
	 * @return the data directory
	 */
	public Path getDataDir() {
		return this.dataDir;
	}

	/**
	 * Stop the server; delete its data directory when it was a temporary one.
	 */
	@Override
	public void close() {
		if (this.server != null) {
			this.server.close();
			this.server = null;
		}
		if (this.temporaryDataDir) {
			deleteRecursively(this.dataDir);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for the embedded ZooKeeper server", ex);
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("zk-embedded-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a data directory for the embedded ZooKeeper server",
					ex);
		}
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			logger.warn("Could not delete " + directory, ex);
		}
	}

}
