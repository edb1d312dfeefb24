package cn.resettlement.platform.jobs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A long job as clients poll it.
 *
 * @param id job id
 * @param type what the job does, e.g. {@code population.import}
 * @param status QUEUED, RUNNING, SUCCEEDED or FAILED
 * @param processed items done so far
 * @param total items in all, when known
 * @param errorCount rejected items
 * @param errors the first rejected items with the reason ({@code row}, {@code field},
 * {@code message})
 * @param result what the job produced (counts, ids)
 * @param message why a job failed
 * @param createdBy who started it
 * @param createdAt when it was started
 * @param finishedAt when it ended
 */
public record JobView(UUID id, String type, JobStatus status, long processed, Long total, long errorCount,
		List<JobError> errors, JsonNode result, String message, String createdBy, Instant createdAt,
		Instant finishedAt) {

	public enum JobStatus {

		QUEUED, RUNNING, SUCCEEDED, FAILED

	}

	/** One rejected item. */
	public record JobError(Long row, String field, String message) {
	}

}
