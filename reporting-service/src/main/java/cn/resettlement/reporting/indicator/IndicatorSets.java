package cn.resettlement.reporting.indicator;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ETags;
import cn.resettlement.reporting.profile.Versioned;

/** A year's indicator set as administrators saved it. */
@Repository
class IndicatorSets {

	private static final TypeReference<List<Indicator>> LIST = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	IndicatorSets(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	Optional<Versioned<List<Indicator>>> find(String unit, int year) {
		return this.jdbc.sql("select body, version from report_indicator_set where unit_code = ? and year = ?")
			.params(unit, year)
			.query((rs, n) -> new Versioned<>(this.json.readValue(rs.getString(1), LIST), rs.getLong(2)))
			.optional();
	}

	long save(String unit, int year, List<Indicator> indicators, long expectedVersion) {
		String body = this.json.writeValueAsString(indicators);
		Timestamp now = Timestamp.from(this.clock.instant());
		String user = Caller.current().userId();
		int rows = (expectedVersion == 0) ? this.jdbc.sql("""
				insert into report_indicator_set (unit_code, year, body, version, created_at, created_by, updated_at,
				  updated_by)
				values (?, ?, ?, 1, ?, ?, ?, ?) on conflict do nothing""")
			.params(unit, year, body, now, user, now, user)
			.update()
				: this.jdbc.sql("""
						update report_indicator_set set body = ?, version = version + 1, updated_at = ?,
						  updated_by = ?
						where unit_code = ? and year = ? and version = ?""")
					.params(body, now, user, unit, year, expectedVersion)
					.update();
		ETags.requireUpdated(rows);
		return expectedVersion + 1;
	}

}
