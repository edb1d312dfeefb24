package cn.resettlement.project.imports;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.resettlement.platform.jobs.JobView;
import cn.resettlement.platform.jobs.Jobs;
import cn.resettlement.platform.web.ApiException;

/**
 * Imports of the lists the centre receives (multipart {@code file}, CSV or XLSX) as jobs;
 * poll {@code GET /api/v1/projects/jobs/{id}} for progress, row errors and the result.
 */
@RestController
@RequestMapping("/api/v1/projects/imports")
class ImportController {

	private final Jobs jobs;

	private final AllocationImport allocationImport;

	private final ProjectImport projectImport;

	ImportController(Jobs jobs, AllocationImport allocationImport, ProjectImport projectImport) {
		this.jobs = jobs;
		this.allocationImport = allocationImport;
		this.projectImport = projectImport;
	}

	@PostMapping(path = "/fund-allocations", consumes = "multipart/form-data")
	@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
	ResponseEntity<JobView> importAllocations(@RequestParam("file") MultipartFile file) throws IOException {
		Path copy = copy(file);
		return accepted(this.jobs.submit("project.allocation-import", (job) -> this.allocationImport.run(copy, job)));
	}

	@PostMapping(path = "/projects", consumes = "multipart/form-data")
	ResponseEntity<JobView> importProjects(@RequestParam("file") MultipartFile file) throws IOException {
		Path copy = copy(file);
		return accepted(this.jobs.submit("project.project-import", (job) -> this.projectImport.run(copy, job)));
	}

	private static Path copy(MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw ApiException.invalid("file", "must not be empty");
		}
		Path copy = Files.createTempFile("project-import-", ".upload");
		file.transferTo(copy);
		return copy;
	}

	private static ResponseEntity<JobView> accepted(JobView job) {
		return ResponseEntity.accepted().location(URI.create("/api/v1/projects/jobs/" + job.id())).body(job);
	}

}
