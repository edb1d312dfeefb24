package cn.resettlement.population.snapshot;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.jobs.JobView;
import cn.resettlement.platform.jobs.Jobs;

/**
 * {@code POST /api/v1/population/snapshots} (ADMIN): re-publishes the register's current
 * state as {@code HouseholdSnapshot} and {@code MigrantSnapshot} events on
 * {@code resettlement.population.snapshot.v1}, for a subscriber that joins late or lost
 * data. Runs as a job (202 + {@code Location: /api/v1/population/jobs/{id}}); the job's
 * result names the snapshot id, {@code takenAt} and the counts.
 */
@RestController
@RequestMapping("/api/v1/population/snapshots")
class SnapshotController {

	private final Jobs jobs;

	private final SnapshotPublisher publisher;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	SnapshotController(Jobs jobs, SnapshotPublisher publisher, AuditTrail audit, TransactionTemplate transactions) {
		this.jobs = jobs;
		this.publisher = publisher;
		this.audit = audit;
		this.transactions = transactions;
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<JobView> snapshot() {
		UUID snapshotId = UUID.randomUUID();
		// the job starts once the audit record is committed
		JobView job = this.transactions.execute((status) -> {
			this.audit.record("population.snapshot", "Snapshot", snapshotId, Map.of("topic", SnapshotPublisher.TOPIC));
			return this.jobs.submit("population.snapshot",
					(context) -> context.result(this.publisher.publish(snapshotId, context)));
		});
		return ResponseEntity.accepted().location(URI.create("/api/v1/population/jobs/" + job.id())).body(job);
	}

}
