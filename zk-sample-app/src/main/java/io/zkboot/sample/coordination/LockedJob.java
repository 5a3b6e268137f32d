package io.zkboot.sample.coordination;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import io.zkboot.coordination.ZkLocked;
import io.zkboot.coordination.ZkLocks;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A job every {@code sample.job-period} that runs on one instance at a time: each instance's
 * trigger fires, the one that gets {@code /sample/jobs/lock} runs, the others skip. The lock is
 * held at least {@code sample.job-hold-at-least}, so an instance that fires a moment later skips
 * too. Keeps this instance's last 100 runs for {@code GET /sample/jobs}.
 */
@Component
public class LockedJob {

	private static final int KEPT = 100;

	private final String id;

	private final ConcurrentLinkedDeque<Run> runs = new ConcurrentLinkedDeque<>();

	LockedJob(ZkLocks locks) {
		this.id = locks.identifier();
	}

	@Scheduled(fixedRateString = "${sample.job-period}")
	@ZkLocked(path = "/sample/jobs/lock", holdAtLeast = "${sample.job-hold-at-least}")
	public void run() {
		this.runs.addLast(new Run(this.id, Instant.now()));
		while (this.runs.size() > KEPT) {
			this.runs.pollFirst();
		}
	}

	/**
	 * This instance's runs of the job.
	 * @return the runs, newest last
	 */
	public List<Run> runs() {
		return List.copyOf(this.runs);
	}

	/**
	 * One run of the job.
	 *
	 * @param id the instance that ran it
	 * @param at when it ran
	 */
	public record Run(String id, Instant at) {
	}

}
