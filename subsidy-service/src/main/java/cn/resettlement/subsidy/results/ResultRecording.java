package cn.resettlement.subsidy.results;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.events.DomainEvent;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.jobs.JobContext;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.Masking;
import cn.resettlement.platform.web.Money;
import cn.resettlement.subsidy.batch.Batch;
import cn.resettlement.subsidy.batch.BatchStatus;
import cn.resettlement.subsidy.batch.Batches;
import cn.resettlement.subsidy.bulk.CopyWriter;
import cn.resettlement.subsidy.config.SubsidyProperties;
import cn.resettlement.subsidy.overpayment.Overpayments;

/**
 * Applies the bank's results to the lines of a batch, set-based: the results are copied
 * into a temporary table, matched to the lines and checked in one statement, applied with
 * one {@code UPDATE ... FROM}, and their events written in bulk. Runs in the caller's
 * transaction with the batch locked, so concurrent recordings of one batch queue up.
 */
@Component
class ResultRecording {

	private static final Logger log = LoggerFactory.getLogger(ResultRecording.class);

	static final int KEPT_PROBLEMS = 1_000;

	private static final int EVENT_CHUNK = 20_000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Batches batches;

	private final Outbox outbox;

	private final Overpayments overpayments;

	private final AuditTrail audit;

	private final Clock clock;

	private final ZoneId zone;

	ResultRecording(JdbcClient jdbc, DataSource dataSource, Batches batches, Outbox outbox, Overpayments overpayments,
			AuditTrail audit, Clock clock, SubsidyProperties properties) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.batches = batches;
		this.outbox = outbox;
		this.overpayments = overpayments;
		this.audit = audit;
		this.clock = clock;
		this.zone = properties.zone();
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.zone));
	}

	/**
	 * Locks the batch and checks that it takes results.
	 * @throws ApiException 404, or 409 before export and after closing
	 */
	Batch lockForResults(UUID batchId) {
		Batch batch = this.batches.lock(batchId).orElseThrow(() -> ApiException.notFound("Batch", batchId));
		if (batch.status() != BatchStatus.EXPORTED && batch.status() != BatchStatus.RESULTS_RECORDED) {
			throw ApiException.conflict("illegal-state", "Results are recorded for a batch whose bank file was "
					+ "exported and that is not closed; this one is " + batch.status() + ".");
		}
		return batch;
	}

	/**
	 * Records results.
	 * @param batch the locked batch
	 * @param feeder supplies the results; rows it refuses are counted as invalid
	 * @param progress job progress
	 */
	ResultReport record(Batch batch, Feeder feeder, JobContext progress) throws Exception {
		long start = System.nanoTime();
		this.jdbc.sql("""
				create temp table result_in (
				    row_no bigint, line_ref text, line_no int, id_number text, status text, paid_on date,
				    failure_reason text, amount_fen bigint
				) on commit drop""").update();
		long[] invalid = { 0 };
		List<ResultReport.Problem> details = new ArrayList<>();
		long received;
		try (CopyWriter copy = CopyWriter.open(this.dataSource,
				"result_in (row_no, line_ref, line_no, id_number, status, paid_on, failure_reason, amount_fen)")) {
			feeder.feed((row) -> copy.field(row.row())
				.field(row.lineRef())
				.field(row.lineNo())
				.field(row.idNumber())
				.field(row.status())
				.field(row.paidOn())
				.field(row.failureReason())
				.field(row.amountFen())
				.endRow(), (row, lineRef, idNumber, message) -> {
					invalid[0]++;
					if (details.size() < KEPT_PROBLEMS) {
						details.add(
								new ResultReport.Problem(row, lineRef, Masking.idNumber(idNumber), "INVALID", message));
					}
				});
			received = copy.finish() + invalid[0];
		}
		// statistics of the copied results and room to sort them in memory: the matching
		// statement below is planned once for up to a million rows
		this.jdbc.sql("analyze result_in").update();
		this.jdbc.sql("set local work_mem = '256MB'").update();
		long copied = System.nanoTime();
		LocalDate exportedOn = (batch.exportedAt() != null) ? LocalDate.ofInstant(batch.exportedAt(), this.zone)
				: today();
		this.jdbc.sql("""
				create temp table result_match on commit drop as
				select m.*, case
				         when m.line_id is null then 'UNKNOWN_LINE'
				         when count(*) over (partition by m.line_id) > 1 then 'DUPLICATE'
				         when m.id_number is not null and m.id_number <> m.line_id_number then 'ID_NUMBER_MISMATCH'
				         when m.amount_fen is not null and m.amount_fen <> m.line_amount then 'AMOUNT_MISMATCH'
				         when m.line_status = m.status and m.paid_on is not distinct from m.line_paid_on
				              and m.failure_reason is not distinct from m.line_reason then 'ALREADY_RECORDED'
				         when m.line_status <> 'PENDING' then 'CONFLICTING_RESULT'
				         when m.status = 'PAID' and m.paid_on < ? then 'PAID_BEFORE_EXPORT'
				       end as problem
				from (select r.*, l.id as line_id, l.id_number as line_id_number, l.amount_fen as line_amount,
				             l.status as line_status, l.paid_on as line_paid_on, l.failure_reason as line_reason
				      from result_in r left join subsidy_line l on l.batch_id = ? and l.line_no = r.line_no
				      where r.line_ref is not null
				      union all
				      select r.*, l.id, l.id_number, l.amount_fen, l.status, l.paid_on, l.failure_reason
				      from result_in r left join subsidy_line l on l.batch_id = ? and l.id_number = r.id_number
				      where r.line_ref is null) m""").params(exportedOn, batch.id(), batch.id()).update();
		Map<String, Long> problems = new LinkedHashMap<>();
		if (invalid[0] > 0) {
			problems.put("INVALID", invalid[0]);
		}
		this.jdbc
			.sql("select problem, count(*) from result_match where problem is not null group by problem order by 1")
			.query((rs, n) -> problems.put(rs.getString(1), rs.getLong(2)))
			.list();
		long alreadyRecorded = problems.getOrDefault("ALREADY_RECORDED", 0L);
		problems.remove("ALREADY_RECORDED");
		this.jdbc.sql("""
				select row_no, line_ref, id_number, problem, line_amount, amount_fen, line_status
				from result_match where problem is not null and problem <> 'ALREADY_RECORDED'
				order by row_no limit ?""").param(KEPT_PROBLEMS).query((rs, n) -> {
			if (details.size() < KEPT_PROBLEMS) {
				details.add(new ResultReport.Problem(rs.getLong(1), rs.getString(2), Masking.idNumber(rs.getString(3)),
						rs.getString(4), message(rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getString(7))));
			}
			return null;
		}).list();
		details.sort(Comparator.comparingLong(ResultReport.Problem::row));
		long matched = System.nanoTime();
		UUID importId = UUID.randomUUID();
		String actor = Caller.current().userId();
		int applied = this.jdbc.sql("""
				update subsidy_line l set status = m.status, paid_on = m.paid_on, failure_reason = m.failure_reason,
				       result_import = ?, version = l.version + 1, updated_at = now(), updated_by = ?
				from result_match m
				where m.problem is null and l.id = m.line_id and l.status = 'PENDING'""")
			.params(importId, actor)
			.update();
		long updated = System.nanoTime();
		long[] outcome = publish(batch, importId, progress);
		long published = System.nanoTime();
		this.batches.refreshCounts(batch.id());
		this.overpayments.reviewPayments(importId);
		log.info(
				"Recorded {} of {} results of batch {} in {} ms: copy {} ms, match {} ms, update {} ms, "
						+ "events {} ms, counts and overpayments {} ms",
				applied, received, batch.id(), ms(start, System.nanoTime()), ms(start, copied), ms(copied, matched),
				ms(matched, updated), ms(updated, published), ms(published, System.nanoTime()));
		long rejected = problems.values().stream().mapToLong(Long::longValue).sum();
		this.audit.record("subsidy-batch.results-recorded", "DisbursementBatch", batch.id(),
				Map.of("importId", importId, "applied", applied, "rejected", rejected));
		for (ResultReport.Problem problem : details) {
			progress.error(problem.row(), "line", problem.problem() + ": " + problem.message());
		}
		return new ResultReport(batch.id(), importId, received, applied, outcome[0], outcome[1], alreadyRecorded,
				rejected, problems, List.copyOf(details));
	}

	private long[] publish(Batch batch, UUID importId, JobContext progress) {
		long paid = 0;
		long failed = 0;
		int after = 0;
		LocalDate today = today();
		while (true) {
			List<DomainEvent> events = new ArrayList<>(EVENT_CHUNK);
			int[] last = { after };
			long[] counts = { 0, 0 };
			this.jdbc.sql("""
					select id, line_no, migrant_id, id_number, township_code, year, period, months, amount_fen, status,
					       paid_on, failure_reason, reissue_of
					from subsidy_line where batch_id = ? and line_no > ? and result_import = ?
					order by line_no limit ?""").params(batch.id(), after, importId, EVENT_CHUNK).query((rs, n) -> {
				UUID lineId = rs.getObject(1, UUID.class);
				int lineNo = rs.getInt(2);
				last[0] = lineNo;
				String lineRef = batch.lineRef(lineNo);
				UUID reissueOf = rs.getObject(13, UUID.class);
				if ("PAID".equals(rs.getString(10))) {
					counts[0]++;
					events.add(new SubsidyPaid(lineId, batch.id(), lineRef, rs.getObject(3, UUID.class),
							rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getInt(8),
							rs.getLong(9), rs.getObject(11, LocalDate.class), reissueOf));
				}
				else {
					counts[1]++;
					events.add(new SubsidyPaymentFailed(lineId, batch.id(), lineRef, rs.getObject(3, UUID.class),
							rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getLong(9),
							rs.getString(12), today, reissueOf));
				}
				return null;
			}).list();
			if (events.isEmpty()) {
				return new long[] { paid, failed };
			}
			this.outbox.appendAll(events);
			paid += counts[0];
			failed += counts[1];
			after = last[0];
			progress.advance(events.size());
		}
	}

	private static long ms(long from, long to) {
		return (to - from) / 1_000_000;
	}

	private static String message(String problem, long lineAmountFen, long amountFen, String lineStatus) {
		return switch (problem) {
			case "UNKNOWN_LINE" -> "no line of this batch has this reference or ID number";
			case "DUPLICATE" -> "the line is named more than once; none of them was applied";
			case "ID_NUMBER_MISMATCH" -> "the ID number is not the one of the line";
			case "AMOUNT_MISMATCH" -> "amount " + fen(amountFen) + " differs from the line's " + fen(lineAmountFen);
			case "PAID_BEFORE_EXPORT" -> "the payment date is before the bank file was exported";
			case "CONFLICTING_RESULT" -> "the line is already recorded as " + lineStatus;
			default -> problem;
		};
	}

	private static String fen(long fen) {
		return Money.toYuan(fen).toPlainString();
	}

	/** Supplies results: each valid one to the sink, each refused one to the rejects. */
	@FunctionalInterface
	interface Feeder {

		void feed(RowSink rows, Rejects rejects) throws Exception;

	}

	@FunctionalInterface
	interface RowSink {

		void accept(ResultRow row) throws SQLException;

	}

	@FunctionalInterface
	interface Rejects {

		void reject(long row, String lineRef, String idNumber, String message);

	}

}
