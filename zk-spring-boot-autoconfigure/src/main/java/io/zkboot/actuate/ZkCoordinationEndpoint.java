package io.zkboot.actuate;

import java.util.List;

import io.zkboot.coordination.ZkElections;
import io.zkboot.coordination.ZkHeldLock;
import io.zkboot.coordination.ZkLeaderElection;
import io.zkboot.coordination.ZkLocks;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/zkcoordination}: the elections this instance takes part in (who leads, who
 * waits, this instance's role) and the locks, read/write locks and semaphore leases it holds.
 * Leaders and participants are read from ZooKeeper on each request.
 */
@Endpoint(id = "zkcoordination")
public class ZkCoordinationEndpoint {

	private final ZkLocks locks;

	private final ZkElections elections;

	/**
	 * An endpoint over the application's locks and elections.
	 * @param locks the locks
	 * @param elections the elections
	 */
	public ZkCoordinationEndpoint(ZkLocks locks, ZkElections elections) {
		this.locks = locks;
		this.elections = elections;
	}

	/**
	 * What this instance takes part in.
	 * @return the identifier, the elections and the held locks
	 */
	@ReadOperation
	public Coordination coordination() {
		List<Election> elections = this.elections.elections().stream().map(ZkCoordinationEndpoint::describe).toList();
		return new Coordination(this.locks.identifier(), elections, this.locks.held());
	}

	private static Election describe(ZkLeaderElection election) {
		List<String> participants = election.participants();
		String leader = participants.isEmpty() ? null : participants.get(0);
		String role = election.isLeader() ? "leader" : participants.contains(election.getParticipantId()) ? "follower"
				: "not participating";
		return new Election(election.getPath(), leader, participants, role);
	}

	/**
	 * The endpoint's answer.
	 * @param identifier what this instance stores in its contender nodes
	 * @param elections the elections it takes part in
	 * @param locks what it holds
	 */
	public record Coordination(String identifier, List<Election> elections, List<ZkHeldLock> locks) {
	}

	/**
	 * One election.
	 * @param path its path
	 * @param leader the leader's identifier, {@code null} when nobody takes part
	 * @param participants every participant's identifier, leader first
	 * @param role {@code leader}, {@code follower} (queued), or {@code not participating}
	 * (standing aside or between sessions)
	 */
	public record Election(String path, @Nullable String leader, List<String> participants, String role) {
	}

}
