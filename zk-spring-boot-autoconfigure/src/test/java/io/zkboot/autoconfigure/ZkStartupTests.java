package io.zkboot.autoconfigure;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zkboot.client.RecordedStates;
import io.zkboot.client.ZkConnectionState;
import io.zkboot.client.ZkConnectionStateEvent;
import io.zkboot.client.ZkStartupException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The startup policy when no server is listening.
 */
class ZkStartupTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class));

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Test
	void failFastNamesTheConnectStringAndTheWaitWithinTheWait() throws Exception {
		String connectString = "127.0.0.1:" + freePort();
		long started = System.nanoTime();
		this.runner.withPropertyValues("zk.connect-string=" + connectString, "zk.startup.wait=1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(ZkStartupException.class)
				.hasMessageContaining(connectString)
				.hasMessageContaining("1 s"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void theFirstEventIsLostToConnectedAfterOperationsFailedBeforeAnyConnection() throws Exception {
		int port = freePort();
		this.runner
			.withPropertyValues("zk.connect-string=127.0.0.1:" + port, "zk.startup.wait=300ms",
					"zk.startup.fail-fast=false", "zk.connection-timeout=500ms", "zk.retry.max-retries=0")
			.withBean(RecordedStates.class)
			.run((context) -> {
				CuratorFramework client = context.getBean(CuratorFramework.class);
				CountDownLatch curatorSuspended = new CountDownLatch(1);
				client.getConnectionStateListenable().addListener((c, state) -> {
					if (state == ConnectionState.SUSPENDED) {
						curatorSuspended.countDown();
					}
				});
				assertThatException().isThrownBy(() -> client.checkExists().forPath("/"));
				assertThat(curatorSuspended.await(20, TimeUnit.SECONDS))
					.as("Curator reports SUSPENDED for an operation failed before any connection")
					.isTrue();
				RecordedStates states = context.getBean(RecordedStates.class);
				try (TestingServer server = new TestingServer(port, true)) {
					ZkConnectionStateEvent first = states.next(ZkConnectionState.CONNECTED, Duration.ofSeconds(20));
					assertThat(first.getPreviousState()).isEqualTo(ZkConnectionState.LOST);
					assertThat(states.all()).hasSize(1);
				}
			});
	}

	@Test
	void degradedStartConnectsOnceAServerAppears() throws Exception {
		int port = freePort();
		this.runner
			.withPropertyValues("zk.connect-string=127.0.0.1:" + port, "zk.startup.wait=300ms",
					"zk.startup.fail-fast=false", "zk.connection-timeout=1s")
			.withBean(RecordedStates.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CuratorFramework client = context.getBean(CuratorFramework.class);
				assertThat(client.getZookeeperClient().isConnected()).isFalse();
				try (TestingServer server = new TestingServer(port, true)) {
					context.getBean(RecordedStates.class).next(ZkConnectionState.CONNECTED, Duration.ofSeconds(20));
					client.create().forPath("/late");
					assertThat(client.checkExists().forPath("/late")).isNotNull();
				}
			});
	}

}
