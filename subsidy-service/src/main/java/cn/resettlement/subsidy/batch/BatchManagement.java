package cn.resettlement.subsidy.batch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.jobs.JobView;
import cn.resettlement.platform.jobs.Jobs;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.subsidy.config.SubsidyProperties;
import cn.resettlement.subsidy.integration.Population;
import cn.resettlement.subsidy.integration.RosterPage;
import cn.resettlement.subsidy.policy.EligibilityPolicy;
import cn.resettlement.subsidy.policy.Period;
import cn.resettlement.subsidy.policy.Policies;
import cn.resettlement.subsidy.policy.SubsidyPolicy;

/**
 * The lifecycle of a disbursement batch: generation from the roster, approval by a second
 * person (four-eyes), export, closing.
 */
@Service
public class BatchManagement {

	private final Batches batches;

	private final Policies policies;

	private final EligibilityPolicy eligibility;

	private final Population population;

	private final BatchGeneration generation;

	private final Jobs jobs;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	private final SubsidyProperties properties;

	BatchManagement(Batches batches, Policies policies, EligibilityPolicy eligibility, Population population,
			BatchGeneration generation, Jobs jobs, Outbox outbox, AuditTrail audit, Clock clock,
			SubsidyProperties properties) {
		this.batches = batches;
		this.policies = policies;
		this.eligibility = eligibility;
		this.population = population;
		this.generation = generation;
		this.jobs = jobs;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Generates a regular batch of a period from the roster as of the period's decisive
	 * date. The first roster page is read before anything is written, so an unavailable
	 * population-service answers 503 with no trace. Small rosters are generated here, in
	 * the caller's transaction; large ones (or on request) by a job.
	 */
	@Transactional
	Created create(int year, String periodCode, LocalDate requestedAsOf, boolean preferAsync) {
		Period period;
		try {
			period = Period.parse(periodCode);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalid("period", ex.getMessage());
		}
		if (period.year() != year) {
			throw ApiException.invalid("period", "must be a period of " + year);
		}
		SubsidyPolicy policy = this.policies.find(year)
			.orElseThrow(() -> ApiException.unprocessable("no-policy", "The subsidy policy of " + year
					+ " is not set: PUT /api/v1/subsidies/policies/" + year + " first."));
		if (!policy.covers(period)) {
			throw ApiException.unprocessable("period-not-in-policy", "The policy of " + year + " pays "
					+ policy.frequency() + ": its periods are " + Period.of(year, policy.frequency()) + ".");
		}
		LocalDate asOf = this.eligibility.decisiveDate(period);
		if (requestedAsOf != null && !requestedAsOf.equals(asOf)) {
			throw ApiException.invalid("asOf",
					"must be " + asOf + ": eligibility for " + period + " is decided on that day");
		}
		RosterPage first = this.population.firstPage(asOf);
		Batch batch = this.batches.insertGenerating(UUID.randomUUID(), period, BatchKind.REGULAR, null, asOf,
				policy.annualAmountFen());
		if (!preferAsync && first.total() <= this.properties.generation().syncLimit()) {
			this.generation.generate(batch, first);
			return new Created(this.batches.find(batch.id()).orElseThrow(), null);
		}
		JobView job = this.jobs.submit("subsidy.batch-generation",
				(context) -> this.generation.generateAsJob(batch, first, context));
		this.batches.setJob(batch.id(), job.id());
		return new Created(this.batches.find(batch.id()).orElseThrow(), job);
	}

	/** Approves a DRAFT batch; the approver must not be the person who generated it. */
	@Transactional
	Batch approve(UUID id) {
		Batch batch = locked(id);
		requireStatus(batch, BatchStatus.DRAFT, "approved");
		if (Caller.current().userId().equals(batch.createdBy())) {
			throw new ApiException(HttpStatus.FORBIDDEN, "four-eyes",
					"A batch must be approved by someone other than the person who generated it.");
		}
		this.batches.transition(id, BatchStatus.DRAFT, BatchStatus.APPROVED, "approved_by", "approved_at",
				this.clock.instant());
		Batch approved = this.batches.find(id).orElseThrow();
		Period period = approved.parsedPeriod();
		this.outbox.append(new SubsidyBatchApproved(id, approved.batchNo(), approved.kind(), approved.parentBatchId(),
				approved.year(), approved.period(), period.start(), period.end(), approved.counts().lines(),
				approved.counts().totalFen(), approved.createdBy(), approved.approvedBy(), today()));
		this.audit.record("subsidy-batch.approved", "DisbursementBatch", id,
				Map.of("lines", approved.counts().lines(), "totalAmountFen", approved.counts().totalFen()));
		return approved;
	}

	/**
	 * Marks the bank file of an approved batch as exported (first download) and allows
	 * downloading it again until results are recorded.
	 */
	@Transactional
	public Batch export(UUID id) {
		Batch batch = locked(id);
		if (batch.status() == BatchStatus.APPROVED) {
			this.batches.transition(id, BatchStatus.APPROVED, BatchStatus.EXPORTED, "exported_by", "exported_at",
					this.clock.instant());
			this.audit.record("subsidy-batch.exported", "DisbursementBatch", id, Map.of());
		}
		else if (batch.status() == BatchStatus.EXPORTED) {
			this.audit.record("subsidy-batch.bank-file-downloaded", "DisbursementBatch", id, Map.of());
		}
		else {
			throw ApiException.conflict("illegal-state", "The bank file of a batch is available from its approval "
					+ "until its results are recorded; this batch is " + batch.status() + ".");
		}
		return this.batches.find(id).orElseThrow();
	}

	/** Closes a batch whose lines all have their result. */
	@Transactional
	Batch close(UUID id) {
		Batch batch = locked(id);
		if (batch.status() == BatchStatus.EXPORTED) {
			throw ApiException.conflict("results-pending", batch.counts().pending()
					+ " lines have no result yet; record them (paid or failed) before closing.");
		}
		requireStatus(batch, BatchStatus.RESULTS_RECORDED, "closed");
		this.batches.transition(id, BatchStatus.RESULTS_RECORDED, BatchStatus.CLOSED, "closed_by", "closed_at",
				this.clock.instant());
		Batch.Counts counts = batch.counts();
		this.outbox.append(new SubsidyBatchClosed(id, batch.batchNo(), batch.kind(), batch.year(), batch.period(),
				counts.lines(), counts.totalFen(), counts.paid(), counts.paidFen(), counts.failed(), counts.failedFen(),
				today()));
		this.audit.record("subsidy-batch.closed", "DisbursementBatch", id,
				Map.of("paid", counts.paid(), "failed", counts.failed()));
		return this.batches.find(id).orElseThrow();
	}

	/**
	 * A batch as it is now; a generation whose job died (instance stopped) shows as
	 * FAILED.
	 */
	@Transactional
	public Batch view(UUID id) {
		Batch batch = this.batches.find(id).orElseThrow(() -> ApiException.notFound("Batch", id));
		if (batch.status() == BatchStatus.GENERATING && batch.jobId() != null) {
			this.jobs.find(batch.jobId())
				.filter((job) -> job.status() == JobView.JobStatus.FAILED)
				.ifPresent((job) -> this.batches.failed(id, job.message()));
			return this.batches.find(id).orElseThrow();
		}
		return batch;
	}

	private Batch locked(UUID id) {
		return this.batches.lock(id).orElseThrow(() -> ApiException.notFound("Batch", id));
	}

	private static void requireStatus(Batch batch, BatchStatus expected, String verb) {
		if (batch.status() != expected) {
			throw ApiException.conflict("illegal-state",
					"Only a " + expected + " batch can be " + verb + "; this one is " + batch.status() + ".");
		}
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.properties.zone()));
	}

	/**
	 * A new batch, and its generation job when it is generated in the background.
	 *
	 * @param batch the batch
	 * @param job the job, or {@code null} when the lines are already there
	 */
	record Created(Batch batch, JobView job) {
	}

}
