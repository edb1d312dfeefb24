package cn.resettlement.subsidy.batch;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.jobs.JobContext;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.Masking;
import cn.resettlement.subsidy.bulk.CopyWriter;
import cn.resettlement.subsidy.bulk.TransactionalJobs;
import cn.resettlement.subsidy.integration.Population;
import cn.resettlement.subsidy.integration.RosterEntry;
import cn.resettlement.subsidy.integration.RosterPage;
import cn.resettlement.subsidy.policy.EligibilityPolicy;
import cn.resettlement.subsidy.policy.Entitlement;
import cn.resettlement.subsidy.policy.Period;

/**
 * Generates the lines of a regular batch from the eligible roster, set-based: roster
 * pages stream into a temporary table with {@code COPY} (the next page is fetched
 * meanwhile), then one statement drops persons already in a batch of the period and
 * another inserts the lines. The lines and the switch to DRAFT commit together, so a
 * failed read (a down population-service) leaves no half batch.
 */
@Component
class BatchGeneration {

	private static final Logger log = LoggerFactory.getLogger(BatchGeneration.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Population population;

	private final EligibilityPolicy policy;

	private final Batches batches;

	private final TransactionalJobs transactionalJobs;

	private final AuditTrail audit;

	BatchGeneration(JdbcClient jdbc, DataSource dataSource, Population population, EligibilityPolicy policy,
			Batches batches, TransactionalJobs transactionalJobs, AuditTrail audit) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.population = population;
		this.policy = policy;
		this.batches = batches;
		this.transactionalJobs = transactionalJobs;
		this.audit = audit;
	}

	/** Generates within the caller's transaction (small rosters, inside the request). */
	void generate(Batch batch, RosterPage first) {
		try {
			generate(batch, first, TransactionalJobs.NO_PROGRESS);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Generating batch " + batch.id() + " failed", ex);
		}
	}

	/**
	 * The job body for large rosters: generates in a transaction of its own; a failure
	 * marks the batch FAILED (without lines) and fails the job.
	 */
	void generateAsJob(Batch batch, RosterPage first, JobContext job) throws Exception {
		try {
			Summary summary = this.transactionalJobs.run(job, (progress) -> generate(batch, first, progress));
			job.result(Map.of("batchId", batch.id(), "lines", summary.lines(), "rosterTotal", summary.rosterTotal(),
					"alreadyCovered", summary.alreadyCovered(), "withoutCardAccount", summary.withoutCard(),
					"notPayable", summary.notPayable()));
		}
		catch (Exception ex) {
			this.batches.failed(batch.id(), (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName());
			throw ex;
		}
	}

	private Summary generate(Batch batch, RosterPage first, JobContext progress) throws Exception {
		long start = System.nanoTime();
		Period period = batch.parsedPeriod();
		progress.total(first.total());
		// one generation of a period at a time: each sees who the previous ones covered
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 11))")
			.param(period.code())
			.query((rs, n) -> null)
			.list();
		Set<UUID> covered = new HashSet<>(
				this.jdbc.sql("select migrant_id from subsidy_line where period = ? and superseded_by is null")
					.param(period.code())
					.query(UUID.class)
					.list());
		String actor = Caller.current().userId();
		Tally tally = new Tally();
		try (CopyWriter copy = CopyWriter.open(this.dataSource, "subsidy_line (id, batch_id, line_no, year, period, "
				+ "period_start, migrant_id, id_number, name, township_code, village, household_no, card_account, "
				+ "support_end, months, amount_fen, created_by, updated_by)")) {
			this.population.forEachPage(batch.asOf(), first, (page) -> {
				long pageStart = System.nanoTime();
				for (RosterEntry person : page.items()) {
					write(person, batch, period, covered, actor, copy, tally, progress);
				}
				progress.advance(page.items().size());
				tally.writingNanos += System.nanoTime() - pageStart;
			});
			copy.finish();
		}
		catch (SQLException ex) {
			throw conflictOrFailure(ex);
		}
		if (tally.seen != first.total()) {
			throw ApiException.dependencyUnavailable(
					"population-service (the roster read returned " + tally.seen + " of " + first.total() + " persons)",
					null);
		}
		if (tally.lines == 0) {
			throw ApiException.conflict("nothing-to-pay", "No one on the roster as of " + batch.asOf()
					+ " is owed anything for " + period + " that is not already in a batch of that period.");
		}
		this.batches.generated(batch.id(), first.snapshotId(), first.total(), tally.lines, tally.totalFen,
				tally.alreadyCovered, tally.withoutCard, tally.notPayable);
		this.audit.record("subsidy-batch.generated", "DisbursementBatch", batch.id(),
				Map.of("period", period.code(), "lines", tally.lines, "rosterTotal", first.total()));
		log.info(
				"Generated batch {} of {}: {} lines from a roster of {} in {} ms ({} ms of it writing lines, the rest "
						+ "waiting for roster pages)",
				batch.id(), period, tally.lines, first.total(), (System.nanoTime() - start) / 1_000_000,
				tally.writingNanos / 1_000_000);
		return new Summary(tally.lines, first.total(), tally.alreadyCovered, tally.withoutCard, tally.notPayable);
	}

	/**
	 * Lines are numbered in roster order (by migrant id) and their ids follow their
	 * numbers, so the table and all its indexes are written in order: the cheapest way to
	 * add a million rows.
	 */
	private void write(RosterEntry person, Batch batch, Period period, Set<UUID> covered, String actor, CopyWriter copy,
			Tally tally, JobContext progress) throws SQLException {
		tally.seen++;
		if (covered.contains(person.migrantId())) {
			tally.alreadyCovered++;
			return;
		}
		if (person.cardAccount() == null || person.cardAccount().isBlank()) {
			tally.withoutCard++;
			progress.error(null, "cardAccount", "no card account registered for " + Masking.idNumber(person.idNumber())
					+ " (" + person.townshipCode() + " " + person.village() + ")");
			return;
		}
		Entitlement entitlement = this.policy.entitlement(period, batch.annualAmountFen(), person.supportStart(),
				person.supportEnd());
		if (!entitlement.payable()) {
			tally.notPayable++;
			return;
		}
		tally.lines++;
		tally.totalFen += entitlement.amountFen();
		copy.field(Batch.lineId(batch.id(), tally.lines))
			.field(batch.id())
			.field(tally.lines)
			.field(period.year())
			.field(period.code())
			.field(period.start())
			.field(person.migrantId())
			.field(person.idNumber())
			.field(person.name())
			.field(person.townshipCode())
			.field(person.village())
			.field(person.householdNo())
			.field(person.cardAccount())
			.field(person.supportEnd())
			.field(entitlement.months())
			.field(entitlement.amountFen())
			.field(actor)
			.field(actor)
			.endRow();
	}

	/** A duplicate line (a race the advisory lock rules out) is a conflict, not a 500. */
	private static RuntimeException conflictOrFailure(SQLException ex) {
		if ("23505".equals(ex.getSQLState())) {
			return ApiException.conflict("duplicate-line", "A person of the roster is already in a batch of this "
					+ "period; nothing was written. Generate again to pay the others.");
		}
		return new IllegalStateException("Writing the lines failed: " + ex.getMessage(), ex);
	}

	private static final class Tally {

		long seen;

		int lines;

		long totalFen;

		long writingNanos;

		int alreadyCovered;

		int withoutCard;

		int notPayable;

	}

	/**
	 * What a generation did.
	 *
	 * @param lines lines created
	 * @param rosterTotal persons on the roster
	 * @param alreadyCovered persons already in a batch of the period
	 * @param withoutCard persons without a card account
	 * @param notPayable persons owed nothing for the period
	 */
	record Summary(int lines, long rosterTotal, int alreadyCovered, int withoutCard, int notPayable) {
	}

}
