package io.zkboot.sample.coordination;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sample/jobs}: the runs of the locked job by this instance, newest last.
 */
@RestController
class JobsController {

	private final LockedJob job;

	JobsController(LockedJob job) {
		this.job = job;
	}

	@GetMapping("/sample/jobs")
	Map<String, List<LockedJob.Run>> jobs() {
		return Map.of("runs", this.job.runs());
	}

}
