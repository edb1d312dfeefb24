package cn.resettlement.training.funding;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.security.Caller;

/** The disbursement table. */
@Repository
class Disbursements {

	private final JdbcClient jdbc;

	Disbursements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean voucherUsed(UUID classId, String voucherNo) {
		return this.jdbc.sql("select count(*) from disbursement where class_id = ? and voucher_no = ?")
			.params(classId, voucherNo)
			.query(Long.class)
			.single() > 0;
	}

	void insert(Disbursement d) {
		this.jdbc.sql("""
				insert into disbursement (id, class_id, amount_fen, paid_on, voucher_no, over_budget, override_reason,
				                          created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.id(), d.classId(), d.amountFen(), d.paidOn(), d.voucherNo(), d.overBudget(), d.overrideReason(),
					Caller.current().userId())
			.update();
	}

	List<Disbursement> ofClass(UUID classId) {
		return this.jdbc.sql("select * from disbursement where class_id = ? order by paid_on, created_at")
			.param(classId)
			.query((rs, n) -> new Disbursement(rs.getObject("id", UUID.class), rs.getObject("class_id", UUID.class),
					rs.getLong("amount_fen"), rs.getObject("paid_on", LocalDate.class), rs.getString("voucher_no"),
					rs.getBoolean("over_budget"), rs.getString("override_reason")))
			.list();
	}

}
