package io.zkboot.coordination.recipe;

import io.micrometer.observation.ObservationRegistry;
import io.zkboot.coordination.ZkLocks;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real ZooKeeper server per test class ({@code @RegisterExtension static RecipeServer zk = new
 * RecipeServer();}), clients closed after each test, and a way to expire a client's session.
 */
final class RecipeServer implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	static final Duration WAIT = Duration.ofSeconds(10);

	private TestingServer server;

	private final List<CuratorFramework> clients = new CopyOnWriteArrayList<>();

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.server = new TestingServer(true);
	}

	String connectString() {
		return this.server.getConnectString();
	}

	/** A started, connected client of its own session, closed after the test. */
	CuratorFramework newClient() throws InterruptedException {
		CuratorFramework client = CuratorFrameworkFactory.builder()
			.connectString(this.server.getConnectString())
			.sessionTimeoutMs(10_000)
			.connectionTimeoutMs(5_000)
			.retryPolicy(new ExponentialBackoffRetry(50, 5))
			.build();
		client.start();
		assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
		this.clients.add(client);
		return client;
	}

	/** Locks on a client, as the application's {@code ZkLocks} bean. */
	static ZkLocks locks(CuratorFramework client, String identifier) {
		return new ZkLocks(client, identifier, (event) -> {
		}, ObservationRegistry.NOOP, false);
	}

	/** Recipes on a new client. */
	ZkRecipes recipes(String identifier) throws InterruptedException {
		return new ZkRecipes(RecipeServer.locks(newClient(), identifier), null);
	}

	/**
	 * Expires the client's session on the server (a second handle of the same session closes it,
	 * so its ephemeral nodes go at once), and waits until Curator has told LOST and reconnected
	 * with a new session.
	 */
	void expire(CuratorFramework client) throws Exception {
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
		assertThat(twinConnected.await(10, TimeUnit.SECONDS)).isTrue();
		twin.close();
		assertThat(lost.await(10, TimeUnit.SECONDS)).as("LOST told").isTrue();
		assertThat(back.await(10, TimeUnit.SECONDS)).as("reconnected").isTrue();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		for (CuratorFramework client : this.clients) {
			client.close();
		}
		this.clients.clear();
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		this.server.close();
	}

}
