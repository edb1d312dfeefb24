package cn.resettlement.reporting.profile;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ETags;

/**
 * The unit profile and the yearly narratives, stored as JSON documents with a version for
 * optimistic locking.
 */
@Repository
public class Texts {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	Texts(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	public Optional<Versioned<UnitProfile>> profile(String unit) {
		return this.jdbc.sql("select body, version from report_profile where unit_code = ?")
			.param(unit)
			.query((rs, n) -> new Versioned<>(this.json.readValue(rs.getString(1), UnitProfile.class), rs.getLong(2)))
			.optional();
	}

	public Optional<Versioned<Narrative>> narrative(String unit, int year) {
		return this.jdbc.sql("select body, version from report_narrative where unit_code = ? and year = ?")
			.params(unit, year)
			.query((rs, n) -> new Versioned<>(this.json.readValue(rs.getString(1), Narrative.class), rs.getLong(2)))
			.optional();
	}

	/** Creates (expected version 0) or replaces the profile; 412 on a stale version. */
	long saveProfile(String unit, UnitProfile profile, long expectedVersion) {
		String body = this.json.writeValueAsString(profile);
		Timestamp now = Timestamp.from(this.clock.instant());
		String user = Caller.current().userId();
		int rows = (expectedVersion == 0) ? this.jdbc.sql("""
				insert into report_profile (unit_code, body, version, created_at, created_by, updated_at, updated_by)
				values (?, ?, 1, ?, ?, ?, ?) on conflict do nothing""")
			.params(unit, body, now, user, now, user)
			.update() : this.jdbc.sql("""
					update report_profile set body = ?, version = version + 1, updated_at = ?, updated_by = ?
					where unit_code = ? and version = ?""").params(body, now, user, unit, expectedVersion).update();
		ETags.requireUpdated(rows);
		return expectedVersion + 1;
	}

	/** Creates (expected version 0) or replaces a year's narrative; 412 when stale. */
	long saveNarrative(String unit, int year, Narrative narrative, long expectedVersion) {
		String body = this.json.writeValueAsString(narrative);
		Timestamp now = Timestamp.from(this.clock.instant());
		String user = Caller.current().userId();
		int rows = (expectedVersion == 0) ? this.jdbc.sql("""
				insert into report_narrative (unit_code, year, body, version, created_at, created_by, updated_at,
				  updated_by)
				values (?, ?, ?, 1, ?, ?, ?, ?) on conflict do nothing""")
			.params(unit, year, body, now, user, now, user)
			.update()
				: this.jdbc.sql("""
						update report_narrative set body = ?, version = version + 1, updated_at = ?, updated_by = ?
						where unit_code = ? and year = ? and version = ?""")
					.params(body, now, user, unit, year, expectedVersion)
					.update();
		ETags.requireUpdated(rows);
		return expectedVersion + 1;
	}

}
