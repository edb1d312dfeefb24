package cn.resettlement.subsidy.batch;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.sql.ListQuery;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/** Reading the subsidy_line table. */
@Repository
class Lines {

	private final JdbcClient jdbc;

	Lines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PageResponse<Line> list(UUID batchId, String townshipCode, LineStatus status, PageQuery page) {
		return ListQuery.from("subsidy_line")
			.where("batch_id = ?", batchId)
			.whereIfPresent("township_code = ?", townshipCode)
			.whereIfPresent("status = ?", status)
			.page(this.jdbc, """
					id, line_no, migrant_id, id_number, name, township_code, village, household_no, card_account,
					months, amount_fen, status, paid_on, failure_reason, reissue_of, superseded_by""", "line_no", page,
					(rs, n) -> new Line(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class),
							rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
							rs.getString(9), rs.getInt(10), rs.getLong(11), LineStatus.valueOf(rs.getString(12)),
							rs.getObject(13, LocalDate.class), rs.getString(14), rs.getObject(15, UUID.class),
							rs.getObject(16, UUID.class)));
	}

	/** One line of a batch. */
	record Line(UUID id, int lineNo, UUID migrantId, String idNumber, String name, String townshipCode, String village,
			String householdNo, String cardAccount, int months, long amountFen, LineStatus status, LocalDate paidOn,
			String failureReason, UUID reissueOf, UUID supersededBy) {
	}

}
