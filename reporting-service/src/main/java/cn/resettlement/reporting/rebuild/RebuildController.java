package cn.resettlement.reporting.rebuild;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.jobs.JobView;

/**
 * {@code POST /api/v1/reports/rebuild} (ADMIN): drops the read models and replays the
 * topics as a job; poll {@code GET /api/v1/reports/jobs/{id}}.
 */
@RestController
@RequestMapping("/api/v1/reports/rebuild")
class RebuildController {

	private final Rebuild rebuild;

	RebuildController(Rebuild rebuild) {
		this.rebuild = rebuild;
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<JobView> rebuild() {
		JobView job = this.rebuild.start();
		return ResponseEntity.accepted().location(URI.create("/api/v1/reports/jobs/" + job.id())).body(job);
	}

}
