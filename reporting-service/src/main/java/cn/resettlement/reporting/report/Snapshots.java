package cn.resettlement.reporting.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.security.Caller;

/** Submitted (closed) reports, one row per year and version; never changed afterwards. */
@Repository
class Snapshots {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	Snapshots(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Stores the next version; the caller holds the year's lock. */
	Submission add(String unit, int year, ReportData data) {
		int version = this.jdbc
			.sql("select coalesce(max(version), 0) + 1 from report_snapshot where unit_code = ? and year = ?")
			.params(unit, year)
			.query(Integer.class)
			.single();
		Instant now = this.clock.instant();
		String user = Caller.current().userId();
		this.jdbc.sql("""
				insert into report_snapshot (unit_code, year, version, body, created_at, created_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(unit, year, version, this.json.writeValueAsString(data), Timestamp.from(now), user)
			.update();
		return new Submission(version, now, user);
	}

	/** Serialises closing the same year (one version number per close). */
	void lock(String unit, int year) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
			.param("report-close/" + unit + "/" + year)
			.query()
			.singleRow();
	}

	Optional<Stored> latest(String unit, int year) {
		return this.jdbc.sql("""
				select version, created_at, created_by, body from report_snapshot
				where unit_code = ? and year = ? order by version desc limit 1""")
			.params(unit, year)
			.query((rs, n) -> new Stored(new Submission(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)),
					this.json.readValue(rs.getString(4), ReportData.class)))
			.optional();
	}

	Optional<Stored> find(String unit, int year, int version) {
		return this.jdbc.sql("""
				select version, created_at, created_by, body from report_snapshot
				where unit_code = ? and year = ? and version = ?""")
			.params(unit, year, version)
			.query((rs, n) -> new Stored(new Submission(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)),
					this.json.readValue(rs.getString(4), ReportData.class)))
			.optional();
	}

	List<Submission> list(String unit, int year) {
		return this.jdbc.sql("""
				select version, created_at, created_by from report_snapshot
				where unit_code = ? and year = ? order by version""")
			.params(unit, year)
			.query((rs, n) -> new Submission(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
			.list();
	}

	record Stored(Submission submission, ReportData data) {
	}

}
