package cn.resettlement.subsidy.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.sql.ListQuery;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;
import cn.resettlement.subsidy.policy.Period;

/** The disbursement_batch table. */
@Repository
public class Batches {

	private final JdbcClient jdbc;

	Batches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Batch> find(UUID id) {
		return this.jdbc.sql("select * from disbursement_batch where id = ?").param(id).query(Batches::map).optional();
	}

	/** Reads and locks a batch for a state change. */
	public Optional<Batch> lock(UUID id) {
		return this.jdbc.sql("select * from disbursement_batch where id = ? for update")
			.param(id)
			.query(Batches::map)
			.optional();
	}

	/** Inserts a new batch in status GENERATING and returns it. */
	public Batch insertGenerating(UUID id, Period period, BatchKind kind, UUID parentBatchId, LocalDate asOf,
			long annualAmountFen) {
		String actor = Caller.current().userId();
		this.jdbc
			.sql("""
					insert into disbursement_batch (id, year, period, period_start, period_end, kind, parent_batch_id, as_of,
					                                annual_amount_fen, status, created_by, updated_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'GENERATING', ?, ?)""")
			.params(id, period.year(), period.code(), period.start(), period.end(), kind.name(), parentBatchId, asOf,
					annualAmountFen, actor, actor)
			.update();
		return find(id).orElseThrow();
	}

	void setJob(UUID id, UUID jobId) {
		this.jdbc.sql("update disbursement_batch set job_id = ? where id = ?").params(jobId, id).update();
	}

	/** Records the outcome of a generation: lines are in, the batch is a DRAFT. */
	public void generated(UUID id, UUID snapshotId, Long rosterTotal, int lines, long totalFen, int alreadyCovered,
			int withoutCard, int notPayable) {
		this.jdbc.sql("""
				update disbursement_batch set status = 'DRAFT', roster_snapshot_id = ?, roster_total = ?,
				       already_covered = ?, without_card = ?, not_payable = ?, line_count = ?, total_amount_fen = ?,
				       version = version + 1, updated_at = now(), updated_by = ?
				where id = ? and status = 'GENERATING'""")
			.params(snapshotId, rosterTotal, alreadyCovered, withoutCard, notPayable, lines, totalFen,
					Caller.current().userId(), id)
			.update();
	}

	void failed(UUID id, String message) {
		this.jdbc.sql("""
				update disbursement_batch set status = 'FAILED', failure_message = ?, version = version + 1,
				       updated_at = now() where id = ? and status = 'GENERATING'""").params(message, id).update();
	}

	/**
	 * Moves a batch from one status to another, recording who did it in the named
	 * columns.
	 * @return whether it moved (false when its status was no longer {@code from})
	 */
	boolean transition(UUID id, BatchStatus from, BatchStatus to, String byColumn, String atColumn, Instant at) {
		String actor = Caller.current().userId();
		String who = (byColumn != null) ? ", " + byColumn + " = ?, " + atColumn + " = ?" : "";
		List<Object> params = new ArrayList<>(List.of(to.name()));
		if (byColumn != null) {
			params.add(actor);
			params.add(Timestamp.from(at));
		}
		params.addAll(List.of(actor, id, from.name()));
		return this.jdbc
			.sql("update disbursement_batch set status = ?" + who
					+ ", version = version + 1, updated_at = now(), updated_by = ? where id = ? and status = ?")
			.params(params)
			.update() == 1;
	}

	/**
	 * Recounts paid and failed lines; an exported batch whose lines all have a result
	 * becomes RESULTS_RECORDED.
	 */
	public void refreshCounts(UUID id) {
		this.jdbc
			.sql("""
					update disbursement_batch b set
					       paid_count = s.paid, paid_amount_fen = s.paid_fen, failed_count = s.failed,
					       failed_amount_fen = s.failed_fen,
					       status = case when b.status = 'EXPORTED' and s.pending = 0 then 'RESULTS_RECORDED' else b.status end,
					       version = b.version + 1, updated_at = now(), updated_by = ?
					from (select count(*) filter (where status = 'PAID') as paid,
					             coalesce(sum(amount_fen) filter (where status = 'PAID'), 0) as paid_fen,
					             count(*) filter (where status = 'FAILED') as failed,
					             coalesce(sum(amount_fen) filter (where status = 'FAILED'), 0) as failed_fen,
					             count(*) filter (where status = 'PENDING') as pending
					      from subsidy_line where batch_id = ?) s
					where b.id = ?""")
			.params(Caller.current().userId(), id, id)
			.update();
	}

	PageResponse<Batch> list(Integer year, String period, BatchStatus status, PageQuery page) {
		return ListQuery.from("disbursement_batch")
			.whereIfPresent("year = ?", year)
			.whereIfPresent("period = ?", period)
			.whereIfPresent("status = ?", status)
			.page(this.jdbc, "*", "batch_no desc", page, Batches::map);
	}

	static Batch map(ResultSet rs, int row) throws SQLException {
		long rosterTotal = rs.getLong("roster_total");
		Long roster = rs.wasNull() ? null : rosterTotal;
		return new Batch(rs.getObject("id", UUID.class), rs.getLong("batch_no"), rs.getInt("year"),
				rs.getString("period"), BatchKind.valueOf(rs.getString("kind")),
				rs.getObject("parent_batch_id", UUID.class), rs.getObject("as_of", LocalDate.class),
				rs.getLong("annual_amount_fen"), BatchStatus.valueOf(rs.getString("status")),
				rs.getObject("job_id", UUID.class), roster,
				new Batch.Counts(rs.getInt("line_count"), rs.getLong("total_amount_fen"), rs.getInt("paid_count"),
						rs.getLong("paid_amount_fen"), rs.getInt("failed_count"), rs.getLong("failed_amount_fen")),
				rs.getInt("already_covered"), rs.getInt("without_card"), rs.getInt("not_payable"),
				rs.getString("failure_message"), rs.getString("created_by"), instant(rs, "created_at"),
				rs.getString("approved_by"), instant(rs, "approved_at"), rs.getString("exported_by"),
				instant(rs, "exported_at"), rs.getString("closed_by"), instant(rs, "closed_at"), rs.getLong("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
