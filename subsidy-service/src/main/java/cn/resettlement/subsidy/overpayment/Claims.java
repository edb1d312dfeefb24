package cn.resettlement.subsidy.overpayment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.sql.ListQuery;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/** The overpayment_claim, overpayment_claim_line and overpayment_recovery tables. */
@Repository
class Claims {

	private final JdbcClient jdbc;

	Claims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Claim> find(UUID id) {
		return this.jdbc.sql("select * from overpayment_claim where id = ?").param(id).query(Claims::map).optional();
	}

	Optional<Claim> lock(UUID id) {
		return this.jdbc.sql("select * from overpayment_claim where id = ? for update")
			.param(id)
			.query(Claims::map)
			.optional();
	}

	void insert(UUID id, UUID migrantId, String idNumber, String name, String townshipCode, String village,
			String cause, UUID adjustmentId, LocalDate effectiveDate, long amountFen, LocalDate openedOn,
			LocalDate dueOn) {
		String actor = Caller.current().userId();
		this.jdbc.sql("""
				insert into overpayment_claim (id, migrant_id, id_number, name, township_code, village, cause,
				                               adjustment_id, effective_date, amount_fen, status, opened_on, due_on,
				                               created_by, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)""")
			.params(id, migrantId, idNumber, name, townshipCode, village, cause, adjustmentId, effectiveDate, amountFen,
					openedOn, dueOn, actor, actor)
			.update();
	}

	void insertLine(UUID claimId, UUID lineId, String period, long amountFen) {
		this.jdbc.sql("""
				insert into overpayment_claim_line (claim_id, line_id, period, amount_fen, created_by)
				values (?, ?, ?, ?, ?)""")
			.params(claimId, lineId, period, amountFen, Caller.current().userId())
			.update();
	}

	/** Lines of the person's claims that are not released, with their claim's status. */
	List<ClaimLineRow> claimedLines(UUID migrantId) {
		return this.jdbc.sql("""
				select cl.claim_id, cl.line_id, l.batch_id, cl.period, cl.amount_fen, c.status
				from overpayment_claim_line cl
				join overpayment_claim c on c.id = cl.claim_id
				join subsidy_line l on l.id = cl.line_id
				where c.migrant_id = ? and not cl.released""")
			.param(migrantId)
			.query((rs, n) -> new ClaimLineRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getLong(5), ClaimStatus.valueOf(rs.getString(6))))
			.list();
	}

	List<ClaimedLine> lines(UUID claimId) {
		return this.jdbc.sql("""
				select cl.line_id, l.batch_id, cl.period, cl.amount_fen
				from overpayment_claim_line cl join subsidy_line l on l.id = cl.line_id
				where cl.claim_id = ? and not cl.released order by l.period_start""")
			.param(claimId)
			.query((rs, n) -> new ClaimedLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getLong(4)))
			.list();
	}

	void release(UUID claimId, UUID[] lineIds, long amountFen, ClaimStatus status) {
		this.jdbc.sql("update overpayment_claim_line set released = true where claim_id = ? and line_id = any(?)")
			.params(claimId, lineIds)
			.update();
		this.jdbc.sql("""
				update overpayment_claim set amount_fen = ?, status = ?, version = version + 1, updated_at = now(),
				       updated_by = ?
				where id = ?""").params(amountFen, status.name(), Caller.current().userId(), claimId).update();
	}

	void recover(UUID claimId, UUID recoveryId, long amountFen, LocalDate recoveredOn, String receiptNo,
			ClaimStatus status) {
		String actor = Caller.current().userId();
		this.jdbc.sql("""
				insert into overpayment_recovery (id, claim_id, amount_fen, recovered_on, receipt_no, created_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(recoveryId, claimId, amountFen, recoveredOn, receiptNo, actor)
			.update();
		this.jdbc.sql("""
				update overpayment_claim set recovered_fen = recovered_fen + ?, status = ?, version = version + 1,
				       updated_at = now(), updated_by = ?
				where id = ?""").params(amountFen, status.name(), actor, claimId).update();
	}

	void writeOff(UUID claimId, long amountFen, LocalDate writtenOffOn, String reason) {
		this.jdbc.sql("""
				update overpayment_claim set written_off_fen = ?, written_off_on = ?, write_off_reason = ?,
				       status = 'WRITTEN_OFF', version = version + 1, updated_at = now(), updated_by = ?
				where id = ?""").params(amountFen, writtenOffOn, reason, Caller.current().userId(), claimId).update();
	}

	List<Recovery> recoveries(UUID claimId) {
		return this.jdbc.sql("""
				select id, amount_fen, recovered_on, receipt_no, created_by, created_at
				from overpayment_recovery where claim_id = ? order by recovered_on, created_at""")
			.param(claimId)
			.query((rs, n) -> new Recovery(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	PageResponse<Claim> list(ClaimStatus status, String townshipCode, UUID migrantId, PageQuery page) {
		return ListQuery.from("overpayment_claim")
			.whereIfPresent("status = ?", status)
			.whereIfPresent("township_code = ?", townshipCode)
			.whereIfPresent("migrant_id = ?", migrantId)
			.page(this.jdbc, "*", "opened_on desc, id", page, Claims::map);
	}

	static Claim map(ResultSet rs, int row) throws SQLException {
		return new Claim(rs.getObject("id", UUID.class), rs.getObject("migrant_id", UUID.class),
				rs.getString("id_number"), rs.getString("name"), rs.getString("township_code"), rs.getString("village"),
				rs.getString("cause"), rs.getObject("adjustment_id", UUID.class),
				rs.getObject("effective_date", LocalDate.class), rs.getLong("amount_fen"), rs.getLong("recovered_fen"),
				rs.getLong("written_off_fen"), ClaimStatus.valueOf(rs.getString("status")),
				rs.getObject("opened_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
				rs.getString("write_off_reason"), rs.getObject("written_off_on", LocalDate.class),
				rs.getLong("version"));
	}

	/** A claimed line and the state of its claim. */
	record ClaimLineRow(UUID claimId, UUID lineId, UUID batchId, String period, long amountFen,
			ClaimStatus claimStatus) {
	}

	/** One recovery. */
	record Recovery(UUID id, long amountFen, LocalDate recoveredOn, String receiptNo, String recordedBy,
			Instant recordedAt) {
	}

}
