package io.zkboot.coordination;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.ObservationRegistry;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elections on a real server: one leader at a time while participants leave and die, who
 * leads as seen from anywhere, yielding, and revoking on a suspended connection.
 */
class ZkLeaderElectionTests {

	@RegisterExtension
	static CoordinationServer zk = new CoordinationServer();

	private final List<String> log = new CopyOnWriteArrayList<>();

	private ZkLeaderElection join(CuratorFramework client, String id, String path, ZkRevokePolicy policy) {
		ZkElections elections = new ZkElections(zk.locks(client, id), policy, zk.events::add, ObservationRegistry.NOOP);
		return elections.join(path, new ZkLeadershipListener() {
			@Override
			public void granted(ZkLeaderElection election) {
				ZkLeaderElectionTests.this.log.add("granted " + id);
			}

			@Override
			public void revoked(ZkLeaderElection election) {
				ZkLeaderElectionTests.this.log.add("revoked " + id);
			}
		});
	}

	@Test
	void exactlyOneLeaderWhileParticipantsAreClosedAndCutOffUntilTheirSessionsExpireOneByOne() throws Exception {
		List<Partition> partitions = new ArrayList<>();
		List<ZkLeaderElection> elections = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 5; i++) {
			Partition[] partition = new Partition[1];
			CuratorFramework client = zk.partitionable(partition);
			partitions.add(partition[0]);
			elections.add(join(client, "p" + i, "/election/one", ZkRevokePolicy.SUSPENDED));
		}
		AtomicBoolean sampling = new AtomicBoolean(true);
		AtomicInteger samples = new AtomicInteger();
		AtomicInteger twoLeaders = new AtomicInteger();
		AtomicReference<String> firstOverlap = new AtomicReference<>();
		Thread sampler = new Thread(() -> {
			while (sampling.get()) {
				List<ZkLeaderElection> leaders = elections.stream().filter(ZkLeaderElection::isLeader).toList();
				if (leaders.size() > 1 && twoLeaders.incrementAndGet() == 1) {
					firstOverlap.set(leaders.toString());
				}
				samples.incrementAndGet();
				Thread.onSpinWait();
			}
		});
		sampler.start();
		for (int round = 0; round < 4; round++) {
			await().atMost(Duration.ofSeconds(15))
				.until(() -> elections.stream().filter(ZkLeaderElection::isLeader).count() == 1);
			ZkLeaderElection leader = elections.stream().filter(ZkLeaderElection::isLeader).findFirst().orElseThrow();
			int index = elections.indexOf(leader);
			String id = leader.getParticipantId();
			assertThat(elections.get((index + 1) % elections.size()).leader()).contains(id);
			assertThat(leader.participants()).hasSize(elections.size()).first().isEqualTo(id);
			if (round % 2 == 0) {
				leader.close();
			}
			else {
				// cut off: SUSPENDED revokes at once, the server ends the session after its timeout
				partitions.get(index).cut();
				await().atMost(Duration.ofSeconds(10)).until(() -> !leader.isLeader());
				await().atMost(Duration.ofSeconds(15))
					.until(() -> elections.stream().filter(ZkLeaderElection::isLeader).count() == 1);
				partitions.get(index).heal();
				leader.close();
			}
			elections.remove(index);
			partitions.remove(index);
		}
		await().atMost(Duration.ofSeconds(15)).until(() -> elections.get(0).isLeader());
		sampling.set(false);
		sampler.join();
		assertThat(samples.get()).isGreaterThan(1000);
		assertThat(twoLeaders).as("samples with two leaders, first %s", firstOverlap).hasValue(0);
		assertThat(zk.events).filteredOn(ZkLeadershipEvent.Granted.class::isInstance).hasSize(5);
	}

	@Test
	void aLeaderThatYieldsQueuesAgainBehindTheOthers() throws Exception {
		ZkLeaderElection first = join(zk.client(), "first", "/election/yield", ZkRevokePolicy.SUSPENDED);
		await().atMost(Duration.ofSeconds(5)).until(first::isLeader);
		ZkLeaderElection second = join(zk.client(), "second", "/election/yield", ZkRevokePolicy.SUSPENDED);
		await().atMost(Duration.ofSeconds(5)).until(() -> first.participants().size() == 2);
		first.yieldLeadership();
		await().atMost(Duration.ofSeconds(5)).until(second::isLeader);
		assertThat(first.isLeader()).isFalse();
		await().atMost(Duration.ofSeconds(5)).until(() -> first.participants().equals(List.of("second", "first")));
		assertThat(this.log).containsExactly("granted first", "revoked first", "granted second");
	}

	@Test
	void aStandingAsideParticipantLeavesTheQueueUntilItRejoins() throws Exception {
		ZkLeaderElection only = join(zk.client(), "only", "/election/aside", ZkRevokePolicy.SUSPENDED);
		await().atMost(Duration.ofSeconds(5)).until(only::isLeader);
		only.standAside(true);
		await().atMost(Duration.ofSeconds(5)).until(() -> only.participants().isEmpty());
		assertThat(only.isLeader()).isFalse();
		only.standAside(false);
		await().atMost(Duration.ofSeconds(5)).until(only::isLeader);
	}

	@Test
	void suspendedRevokesAndTheSameSessionLeadsAgain() throws Exception {
		ZkLeaderElection election = join(zk.client(), "solo", "/election/suspend", ZkRevokePolicy.SUSPENDED);
		await().atMost(Duration.ofSeconds(5)).until(election::isLeader);
		zk.restart();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.log.equals(List.of("granted solo", "revoked solo", "granted solo")));
		assertThat(election.isLeader()).isTrue();
	}

	@Test
	void underTheLostPolicyASuspensionDoesNotRevoke() throws Exception {
		CuratorFramework client = zk.client();
		ZkLeaderElection election = join(client, "steady", "/election/lost-only", ZkRevokePolicy.LOST);
		await().atMost(Duration.ofSeconds(5)).until(election::isLeader);
		zk.restart();
		await().atMost(Duration.ofSeconds(10)).until(() -> client.getZookeeperClient().isConnected());
		await().atMost(Duration.ofSeconds(5)).until(() -> election.participants().size() == 1);
		assertThat(this.log).containsExactly("granted steady");
		assertThat(election.isLeader()).isTrue();
	}

}
