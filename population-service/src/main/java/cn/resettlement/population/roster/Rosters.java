package cn.resettlement.population.roster;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.web.ApiException;

/**
 * The eligible roster (享受后扶人口名册) as of a date: persons active on that date (by the
 * effective dates of their adjustments) and inside their support term. The first page
 * takes a snapshot in one statement, so every page of one read is consistent even while
 * adjustments are being recorded; later pages continue from a cursor (keyset by migrant
 * id).
 */
@Service
class Rosters {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RosterProperties properties;

	Rosters(JdbcClient jdbc, Clock clock, RosterProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	@Transactional
	RosterPage firstPage(LocalDate asOf, int limit) {
		Timestamp expired = Timestamp.from(this.clock.instant().minus(this.properties.snapshotTtl()));
		this.jdbc
			.sql("delete from roster_entry where snapshot_id in (select id from roster_snapshot where created_at < ?)")
			.param(expired)
			.update();
		this.jdbc.sql("delete from roster_snapshot where created_at < ?").param(expired).update();
		UUID snapshot = UUID.randomUUID();
		int persons = this.jdbc
			.sql("""
					insert into roster_entry (snapshot_id, migrant_id, id_number, name, township_code, village, household_no,
					                          card_account, support_start, support_end)
					select ?, m.id, m.id_number, m.name, m.township_code, h.village, h.household_no, m.card_account,
					       m.support_start, m.support_end
					from migrant m join household h on h.id = m.household_id
					where m.active_from <= ? and m.support_start <= ? and m.support_end >= ?
					  and coalesce((select a.new_status from adjustment a
					                where a.migrant_id = m.id and a.effective_date <= ?
					                order by a.effective_date desc, a.seq desc limit 1), 'ACTIVE') = 'ACTIVE'""")
			.params(snapshot, asOf, asOf, asOf, asOf)
			.update();
		this.jdbc.sql("insert into roster_snapshot (id, as_of, persons, created_at) values (?, ?, ?, ?)")
			.params(snapshot, asOf, persons, Timestamp.from(this.clock.instant()))
			.update();
		return page(snapshot, asOf, persons, new UUID(0, 0), limit);
	}

	@Transactional(readOnly = true)
	RosterPage nextPage(String cursor, LocalDate asOf, int limit) {
		Cursor position = Cursor.decode(cursor);
		Snapshot snapshot = this.jdbc.sql("select as_of, persons from roster_snapshot where id = ?")
			.param(position.snapshot())
			.query((rs, n) -> new Snapshot(rs.getObject(1, LocalDate.class), rs.getLong(2)))
			.optional()
			.orElseThrow(() -> new ApiException(HttpStatus.GONE, "roster-snapshot-expired",
					"This roster read has expired; start again without 'after'."));
		if (!snapshot.asOf().equals(asOf)) {
			throw ApiException.invalid("after", "belongs to the roster as of " + snapshot.asOf());
		}
		return page(position.snapshot(), asOf, snapshot.persons(), position.lastMigrant(), limit);
	}

	private RosterPage page(UUID snapshot, LocalDate asOf, long total, UUID after, int limit) {
		List<RosterEntry> items = this.jdbc.sql("""
				select migrant_id, id_number, name, township_code, village, household_no, card_account,
				       support_start, support_end
				from roster_entry where snapshot_id = ? and migrant_id > ? order by migrant_id limit ?""")
			.params(snapshot, after, limit)
			.query((rs, n) -> new RosterEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class)))
			.list();
		String next = (items.size() < limit) ? null
				: new Cursor(snapshot, items.get(items.size() - 1).migrantId()).encode();
		return new RosterPage(asOf, snapshot, total, items, next);
	}

	/**
	 * A page of the roster.
	 *
	 * @param asOf the date
	 * @param snapshotId the consistent read this page belongs to
	 * @param total persons on the whole roster
	 * @param items this page
	 * @param next cursor of the next page, {@code null} on the last
	 */
	record RosterPage(LocalDate asOf, UUID snapshotId, long total, List<RosterEntry> items, String next) {
	}

	private record Snapshot(LocalDate asOf, long persons) {
	}

	private record Cursor(UUID snapshot, UUID lastMigrant) {

		String encode() {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString((this.snapshot + ":" + this.lastMigrant).getBytes(StandardCharsets.US_ASCII));
		}

		static Cursor decode(String cursor) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII)
					.split(":");
				return new Cursor(UUID.fromString(parts[0]), UUID.fromString(parts[1]));
			}
			catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
				throw ApiException.invalid("after", "is not a roster cursor");
			}
		}

	}

}
