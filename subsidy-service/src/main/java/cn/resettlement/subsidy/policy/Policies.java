package cn.resettlement.subsidy.policy;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.security.Caller;

/** The subsidy_policy table. */
@Repository
public class Policies {

	private final JdbcClient jdbc;

	Policies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<SubsidyPolicy> find(int year) {
		return this.jdbc.sql("select year, annual_amount_fen, frequency, version from subsidy_policy where year = ?")
			.param(year)
			.query((rs, n) -> new SubsidyPolicy(rs.getInt(1), rs.getLong(2), Frequency.valueOf(rs.getString(3)),
					rs.getLong(4)))
			.optional();
	}

	/** Inserts a policy unless the year has one; whether it was inserted. */
	boolean insert(int year, long annualAmountFen, Frequency frequency) {
		String actor = Caller.current().userId();
		return this.jdbc.sql("""
				insert into subsidy_policy (year, annual_amount_fen, frequency, created_by, updated_by)
				values (?, ?, ?, ?, ?) on conflict (year) do nothing""")
			.params(year, annualAmountFen, frequency.name(), actor, actor)
			.update() == 1;
	}

	/** Updates a policy at the expected version; the rows changed (0 when stale). */
	int update(int year, long annualAmountFen, Frequency frequency, long expectedVersion) {
		return this.jdbc.sql("""
				update subsidy_policy set annual_amount_fen = ?, frequency = ?, version = version + 1,
				       updated_at = now(), updated_by = ?
				where year = ? and version = ?""")
			.params(annualAmountFen, frequency.name(), Caller.current().userId(), year, expectedVersion)
			.update();
	}

	/**
	 * Batches of the year that hold or will hold lines (anything but failed generations).
	 */
	long batchesOf(int year) {
		return this.jdbc.sql("select count(*) from disbursement_batch where year = ? and status <> 'FAILED'")
			.param(year)
			.query(Long.class)
			.single();
	}

}
