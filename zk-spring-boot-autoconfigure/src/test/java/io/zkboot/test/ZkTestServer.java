package io.zkboot.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test suite's one ZooKeeper server fixture: a real server (Curator's {@link TestingServer}),
 * with a client of its own playing "another client" that changes nodes, and the clients and
 * resources a test opens on it, closed after the test (or the test class) that opened them.
 * <p>
 * As a static field ({@code @RegisterExtension static ZkTestServer zk = new ZkTestServer();}) the
 * server lives for the test class; as an instance field it is started anew for each test.
 */
public class ZkTestServer implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	/** How long a test waits for the server to tell something. */
	public static final Duration WAIT = Duration.ofSeconds(10);

	private TestingServer server;

	private CuratorFramework other;

	private boolean perTest;

	private boolean inTest;

	private final List<AutoCloseable> openedByTest = new ArrayList<>();

	private final List<AutoCloseable> openedByClass = new ArrayList<>();

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		start();
	}

	@Override
	public void beforeEach(ExtensionContext context) throws Exception {
		if (this.server == null) {
			this.perTest = true;
			start();
		}
		this.inTest = true;
	}

	private void start() throws Exception {
		this.server = new TestingServer(true);
		this.other = connected(this.server.getConnectString(), UnaryOperator.identity());
	}

	/**
	 * Where clients connect.
	 * @return the connect string
	 */
	public String connectString() {
		return this.server.getConnectString();
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getPort();
	}

	/**
	 * The property that points an application at this server.
	 * @return {@code zk.connect-string=} and the connect string
	 */
	public String connectStringProperty() {
		return "zk.connect-string=" + connectString();
	}

	/**
	 * The other client, open for the server's lifetime.
	 * @return a started, connected client
	 */
	public CuratorFramework other() {
		return this.other;
	}

	/**
	 * A started, connected client (10 s session, 5 s connection timeout, one retry), closed after
	 * use ({@link #closeAfterUse}).
	 * @return the client
	 * @throws InterruptedException if interrupted while connecting
	 */
	public CuratorFramework client() throws InterruptedException {
		return client(UnaryOperator.identity());
	}

	/**
	 * A started, connected client built as the test chooses, closed after use.
	 * @param builder changes the default builder (timeouts, retry policy, …)
	 * @return the client
	 * @throws InterruptedException if interrupted while connecting
	 */
	public CuratorFramework client(UnaryOperator<CuratorFrameworkFactory.Builder> builder) throws InterruptedException {
		return client(connectString(), builder);
	}

	/**
	 * A started, connected client of the given connect string (a proxy in front of this server,
	 * say), built as the test chooses, closed after use.
	 * @param connectString where the client connects
	 * @param builder changes the default builder
	 * @return the client
	 * @throws InterruptedException if interrupted while connecting
	 */
	public CuratorFramework client(String connectString, UnaryOperator<CuratorFrameworkFactory.Builder> builder)
			throws InterruptedException {
		return closeAfterUse(connected(connectString, builder));
	}

	private static CuratorFramework connected(String connectString, UnaryOperator<CuratorFrameworkFactory.Builder> builder)
			throws InterruptedException {
		CuratorFramework client = builder.apply(CuratorFrameworkFactory.builder()
			.connectString(connectString)
			.sessionTimeoutMs(10_000)
			.connectionTimeoutMs(5_000)
			.retryPolicy(new RetryOneTime(100))).build();
		client.start();
		assertThat(client.blockUntilConnected((int) WAIT.toSeconds(), TimeUnit.SECONDS)).as("connected to %s", connectString)
			.isTrue();
		return client;
	}

	/**
	 * Closes the resource after the test, or after the test class when opened outside a test
	 * ({@code @BeforeAll}), before the resources opened earlier.
	 * @param <T> the resource's type
	 * @param resource what the test opened
	 * @return the resource
	 */
	public <T extends AutoCloseable> T closeAfterUse(T resource) {
		(this.inTest ? this.openedByTest : this.openedByClass).add(0, resource);
		return resource;
	}

	/**
	 * Creates or sets a node (and its parents) from the other client.
	 * @param path the path
	 * @param text the data, UTF-8
	 * @throws Exception if ZooKeeper refuses
	 */
	public void set(String path, String text) throws Exception {
		byte[] data = text.getBytes(StandardCharsets.UTF_8);
		if (this.other.checkExists().forPath(path) == null) {
			this.other.create().creatingParentsIfNeeded().forPath(path, data);
		}
		else {
			this.other.setData().forPath(path, data);
		}
	}

	/**
	 * Deletes a node and its children from the other client.
	 * @param path the path
	 * @throws Exception if ZooKeeper refuses
	 */
	public void delete(String path) throws Exception {
		this.other.delete().deletingChildrenIfNeeded().forPath(path);
	}

	/**
	 * Deletes every node but {@code /zookeeper}, so that a test starts on an empty tree.
	 * @throws Exception if ZooKeeper refuses
	 */
	public void clear() throws Exception {
		assertThat(this.other.blockUntilConnected((int) WAIT.toSeconds(), TimeUnit.SECONDS)).as("connected").isTrue();
		for (String child : this.other.getChildren().forPath("/")) {
			if (!child.equals("zookeeper")) {
				delete("/" + child);
			}
		}
	}

	/**
	 * Stops the server; {@link #restart()} starts it again on the same port.
	 * @throws Exception if the server cannot stop
	 */
	public void stop() throws Exception {
		this.server.stop();
	}

	/**
	 * Stops the server and starts it again on the same port, keeping its data and sessions.
	 * @throws Exception if the server cannot restart
	 */
	public void restart() throws Exception {
		this.server.restart();
	}

	/**
	 * Expires the client's session on the server as a production session ends (a second handle of
	 * the same session closes it, so its ephemeral nodes go at once), and waits until Curator has
	 * told LOST and reconnected with a new session.
	 * @param client a client of this server
	 * @throws Exception if the session cannot be expired
	 */
	public void expire(CuratorFramework client) throws Exception {
		CountDownLatch lost = new CountDownLatch(1);
		CountDownLatch back = new CountDownLatch(1);
		client.getConnectionStateListenable().addListener((c, state) -> {
			if (state == ConnectionState.LOST) {
				lost.countDown();
			}
			if (lost.getCount() == 0 && state == ConnectionState.RECONNECTED) {
				back.countDown();
			}
		});
		ZooKeeper handle = client.getZookeeperClient().getZooKeeper();
		CountDownLatch twinConnected = new CountDownLatch(1);
		ZooKeeper twin = new ZooKeeper(connectString(), 10_000, (event) -> {
			if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
				twinConnected.countDown();
			}
		}, handle.getSessionId(), handle.getSessionPasswd());
		assertThat(twinConnected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		twin.close();
		assertThat(lost.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("LOST told").isTrue();
		assertThat(back.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("reconnected").isTrue();
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		this.inTest = false;
		closeAll(this.openedByTest);
		if (this.perTest) {
			close();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		if (this.server != null) {
			close();
		}
	}

	private static void closeAll(List<AutoCloseable> resources) throws Exception {
		for (AutoCloseable resource : resources) {
			resource.close();
		}
		resources.clear();
	}

	private void close() throws Exception {
		closeAll(this.openedByClass);
		this.other.close();
		this.server.close();
		this.server = null;
	}

}
