package cn.resettlement.platform.jobs;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;

/** {@code GET <api base>/jobs/{id}}: progress of a long job. */
@RestController
public class JobsController {

	private final Jobs jobs;

	public JobsController(Jobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("${resettlement.api.base-path}/jobs/{id}")
	JobView job(@PathVariable UUID id) {
		JobView job = this.jobs.find(id).orElseThrow(() -> ApiException.notFound("Job", id));
		Caller caller = Caller.current();
		if (caller.confinedToTownship() && !caller.userId().equals(job.createdBy())) {
			throw ApiException.forbidden("Township officers see only the jobs they started.");
		}
		return job;
	}

}
