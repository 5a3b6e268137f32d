package io.zkboot.client;

import java.time.Duration;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.test.ZkTestServer;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection-state events against a real server that is stopped, restarted, and whose
 * session is expired.
 */
class ZkConnectionStateEventsTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	final ZkTestServer server = new ZkTestServer();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class))
			.withBean(RecordedStates.class)
			.withPropertyValues(this.server.connectStringProperty(), "zk.session-timeout=15s",
					"zk.connection-timeout=2s", "zk.retry.max-retries=0");
	}

	@Test
	void firstConnectionIsConnectedWithItsSessionId() {
		runner().run((context) -> {
			ZkConnectionStateEvent event = context.getBean(RecordedStates.class).next(ZkConnectionState.CONNECTED,
					WAIT);
			long sessionId = context.getBean(CuratorFramework.class).getZookeeperClient().getZooKeeper().getSessionId();
			assertThat(event.getSessionId()).isEqualTo(sessionId).isNotZero();
			assertThat(event.getPreviousState()).isEqualTo(ZkConnectionState.LOST);
			assertThat(context.getBean(ZkConnectionStateTracker.class).getState()).isEqualTo(ZkConnectionState.CONNECTED);
		});
	}

	@Test
	void serverRestartGivesSuspendedThenReconnectedInTheSameSession() {
		runner().run((context) -> {
			RecordedStates states = context.getBean(RecordedStates.class);
			long sessionId = states.next(ZkConnectionState.CONNECTED, WAIT).getSessionId();
			this.server.stop();
			ZkConnectionStateEvent suspended = states.next(ZkConnectionState.SUSPENDED, WAIT);
			assertThat(suspended.getPreviousState()).isEqualTo(ZkConnectionState.CONNECTED);
			this.server.restart();
			ZkConnectionStateEvent reconnected = states.next(ZkConnectionState.RECONNECTED, WAIT);
			assertThat(reconnected.getSessionId()).isEqualTo(sessionId);
			assertThat(reconnected.getPreviousState()).isEqualTo(ZkConnectionState.SUSPENDED);
		});
	}

	@Test
	void sessionExpiryGivesLostThenConnectedWithANewSession() {
		runner().run((context) -> {
			RecordedStates states = context.getBean(RecordedStates.class);
			long sessionId = states.next(ZkConnectionState.CONNECTED, WAIT).getSessionId();
			context.getBean(CuratorFramework.class).getZookeeperClient().getZooKeeper().getTestable()
				.injectSessionExpiration();
			ZkConnectionStateEvent lost = states.next(ZkConnectionState.LOST, WAIT);
			assertThat(lost.getSessionId()).isEqualTo(sessionId);
			ZkConnectionStateEvent connected = states.next(ZkConnectionState.CONNECTED, WAIT);
			assertThat(connected.getSessionId()).isNotZero().isNotEqualTo(sessionId);
			assertThat(connected.getPreviousState()).isEqualTo(ZkConnectionState.LOST);
		});
	}

}
