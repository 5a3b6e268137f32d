package io.zkboot.sample.coordination;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zkboot.coordination.ZkLeaderElection;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sample/leader}: the election this instance takes part in ({@code zk.leader.*},
 * at {@code sample.election-path}), who leads it, and whether this instance does.
 */
@RestController
class LeaderController {

	private final ZkLeaderElection election;

	LeaderController(ZkLeaderElection election) {
		this.election = election;
	}

	@GetMapping("/sample/leader")
	Map<String, Object> leader() {
		List<String> participants = this.election.participants();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("path", this.election.getPath());
		answer.put("id", this.election.getParticipantId());
		answer.put("leader", participants.isEmpty() ? null : participants.get(0));
		answer.put("isLeader", this.election.isLeader());
		answer.put("participants", participants);
		return answer;
	}

}
