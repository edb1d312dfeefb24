package cn.resettlement.population.imports;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.resettlement.platform.jobs.JobView;
import cn.resettlement.platform.jobs.Jobs;
import cn.resettlement.platform.web.ApiException;

/**
 * {@code POST /api/v1/population/imports} (multipart {@code file}, CSV or XLSX): imports
 * a township roster as a job; poll {@code GET /api/v1/population/jobs/{id}}.
 */
@RestController
@RequestMapping("/api/v1/population/imports")
class ImportController {

	private final Jobs jobs;

	private final RosterImport rosterImport;

	ImportController(Jobs jobs, RosterImport rosterImport) {
		this.jobs = jobs;
		this.rosterImport = rosterImport;
	}

	@PostMapping(consumes = "multipart/form-data")
	ResponseEntity<JobView> importRoster(@RequestParam("file") MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw ApiException.invalid("file", "must not be empty");
		}
		Path copy = Files.createTempFile("roster-import-", ".upload");
		file.transferTo(copy);
		JobView job = this.jobs.submit("population.import", (context) -> this.rosterImport.run(copy, context));
		return ResponseEntity.accepted().location(URI.create("/api/v1/population/jobs/" + job.id())).body(job);
	}

}
