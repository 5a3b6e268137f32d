package io.zkboot.client;

import java.time.Duration;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection states against a real three-server ensemble.
 */
class ZkClusterStateTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private TestingCluster cluster;

	@AfterEach
	void stopCluster() throws Exception {
		System.clearProperty("readonlymode.enabled");
		if (this.cluster != null) {
			this.cluster.close();
		}
	}

	private ApplicationContextRunner runner(String... properties) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class))
			.withBean(RecordedStates.class)
			.withPropertyValues("zk.connect-string=" + this.cluster.getConnectString(), "zk.session-timeout=30s",
					"zk.connection-timeout=3s")
			.withPropertyValues(properties);
	}

	@Test
	void losingTheServerTheClientIsOnMovesItToAnotherWithoutLosingTheSession() throws Exception {
		this.cluster = new TestingCluster(3);
		this.cluster.start();
		runner().run((context) -> {
			RecordedStates states = context.getBean(RecordedStates.class);
			CuratorFramework client = context.getBean(CuratorFramework.class);
			long sessionId = states.next(ZkConnectionState.CONNECTED, WAIT).getSessionId();
			client.create().forPath("/survives", "v".getBytes());
			InstanceSpec current = this.cluster.findConnectionInstance(client.getZookeeperClient().getZooKeeper());
			this.cluster.killServer(current);
			states.next(ZkConnectionState.SUSPENDED, WAIT);
			ZkConnectionStateEvent back = states.next(ZkConnectionState.RECONNECTED, WAIT);
			assertThat(back.getSessionId()).isEqualTo(sessionId);
			assertThat(this.cluster.findConnectionInstance(client.getZookeeperClient().getZooKeeper()))
				.isNotEqualTo(current);
			assertThat(client.getData().forPath("/survives")).asString().isEqualTo("v");
			assertThat(states.all()).extracting(ZkConnectionStateEvent::getState)
				.doesNotContain(ZkConnectionState.LOST);
		});
	}

	@Test
	void losingTheQuorumWithReadOnlyOnGivesReadOnlyAndReadsStillAnswer() throws Exception {
		System.setProperty("readonlymode.enabled", "true");
		this.cluster = new TestingCluster(3);
		this.cluster.start();
		runner("zk.read-only=true").run((context) -> {
			RecordedStates states = context.getBean(RecordedStates.class);
			CuratorFramework client = context.getBean(CuratorFramework.class);
			states.next(ZkConnectionState.CONNECTED, WAIT);
			client.create().forPath("/readable", "still here".getBytes());
			client.sync().forPath("/readable");
			InstanceSpec current = this.cluster.findConnectionInstance(client.getZookeeperClient().getZooKeeper());
			for (InstanceSpec other : this.cluster.getInstances()) {
				if (!other.equals(current)) {
					this.cluster.killServer(other);
				}
			}
			states.next(ZkConnectionState.SUSPENDED, WAIT);
			// A read-only server cannot validate a session of the quorum: the old session may
			// be reported LOST before the client is back, read-only, with a new one.
			ZkConnectionStateEvent readOnly = states.until(ZkConnectionState.READ_ONLY, WAIT);
			assertThat(readOnly.getSessionId()).isNotZero();
			assertThat(client.getData().forPath("/readable")).asString().isEqualTo("still here");
		});
	}

}
