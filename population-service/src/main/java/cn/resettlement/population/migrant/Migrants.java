package cn.resettlement.population.migrant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.sql.ListQuery;
import cn.resettlement.platform.web.ETags;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/** The migrant and adjustment tables. */
@Repository
public class Migrants {

	private static final String SELECT = """
			select m.*, h.household_no, h.village from migrant m join household h on h.id = m.household_id""";

	private final JdbcClient jdbc;

	Migrants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Migrant> find(UUID id) {
		return this.jdbc.sql(SELECT + " where m.id = ?").param(id).query(Migrants::map).optional();
	}

	/** Reads and locks a migrant for a change. */
	Optional<Migrant> lock(UUID id) {
		return this.jdbc.sql(SELECT + " where m.id = ? for update of m").param(id).query(Migrants::map).optional();
	}

	public boolean existsByIdNumber(String idNumber) {
		return this.jdbc.sql("select count(*) from migrant where id_number = ?")
			.param(idNumber)
			.query(Long.class)
			.single() > 0;
	}

	public List<Migrant> findByIdNumbers(Collection<String> idNumbers) {
		if (idNumbers.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(SELECT + " where m.id_number = any(?)")
			.param(idNumbers.toArray(String[]::new))
			.query(Migrants::map)
			.list();
	}

	void insert(Migrant m) {
		String actor = Caller.current().userId();
		this.jdbc.sql("""
				insert into migrant (id, id_number, name, sex, birth_date, household_id, township_code,
				                     relation_to_head, phone, card_account, category, support_start, support_end,
				                     active_from, status, created_by, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(m.id(), m.idNumber(), m.name(), m.sex().name(), m.birthDate(), m.householdId(), m.townshipCode(),
					m.relationToHead(), m.phone(), m.cardAccount(), m.category().name(), m.supportStart(),
					m.supportEnd(), m.activeFrom(), m.status().name(), actor, actor)
			.update();
	}

	/**
	 * Writes a changed migrant if it is still at {@code expectedVersion}; 412 otherwise.
	 */
	void update(Migrant m, long expectedVersion) {
		int rows = this.jdbc.sql("""
				update migrant set id_number = ?, name = ?, household_id = ?, township_code = ?, relation_to_head = ?,
				       phone = ?, card_account = ?, category = ?, support_start = ?, support_end = ?, active_from = ?,
				       status = ?, version = version + 1, updated_at = now(), updated_by = ?
				where id = ? and version = ?""")
			.params(m.idNumber(), m.name(), m.householdId(), m.townshipCode(), m.relationToHead(), m.phone(),
					m.cardAccount(), m.category().name(), m.supportStart(), m.supportEnd(), m.activeFrom(),
					m.status().name(), Caller.current().userId(), m.id(), expectedVersion)
			.update();
		ETags.requireUpdated(rows);
	}

	void insertAdjustment(Adjustment a) {
		this.jdbc.sql("""
				insert into adjustment (id, migrant_id, type, effective_date, decided_on, reason, document_no,
				                        previous_status, new_status, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(a.id(), a.migrantId(), a.type().name(), a.effectiveDate(), a.decidedOn(), a.reason(),
					a.documentNo(), a.previousStatus().name(), a.newStatus().name(), Caller.current().userId())
			.update();
	}

	public List<Adjustment> adjustments(UUID migrantId) {
		return this.jdbc.sql("select * from adjustment where migrant_id = ? order by effective_date, seq")
			.param(migrantId)
			.query(Migrants::mapAdjustment)
			.list();
	}

	Optional<LocalDate> latestEffectiveDate(UUID migrantId) {
		return this.jdbc.sql("select max(effective_date) from adjustment where migrant_id = ?")
			.param(migrantId)
			.query(LocalDate.class)
			.optional();
	}

	PageResponse<Migrant> list(String townshipCode, MigrantStatus status, String query, PageQuery page) {
		ListQuery list = ListQuery.from("migrant m join household h on h.id = m.household_id")
			.whereIfPresent("m.township_code = ?", townshipCode)
			.whereIfPresent("m.status = ?", status);
		if (query != null && !query.isBlank()) {
			String q = query.trim();
			if (q.matches("[0-9]{17}[0-9Xx]")) {
				list.where("m.id_number = ?", q.toUpperCase());
			}
			else {
				list.where("m.name like ? escape '\\'", ListQuery.escapeLike(q) + "%");
			}
		}
		return list.page(this.jdbc, "m.*, h.household_no, h.village", "m.township_code, m.name, m.id", page,
				Migrants::map);
	}

	static Migrant map(ResultSet rs, int row) throws SQLException {
		return new Migrant(rs.getObject("id", UUID.class), rs.getString("id_number"), rs.getString("name"),
				Sex.valueOf(rs.getString("sex")), rs.getObject("birth_date", LocalDate.class),
				rs.getObject("household_id", UUID.class), rs.getString("household_no"), rs.getString("township_code"),
				rs.getString("village"), rs.getString("relation_to_head"), rs.getString("phone"),
				rs.getString("card_account"), MigrantCategory.valueOf(rs.getString("category")),
				rs.getObject("support_start", LocalDate.class), rs.getObject("support_end", LocalDate.class),
				rs.getObject("active_from", LocalDate.class), MigrantStatus.valueOf(rs.getString("status")),
				rs.getLong("version"));
	}

	static Adjustment mapAdjustment(ResultSet rs, int row) throws SQLException {
		return new Adjustment(rs.getObject("id", UUID.class), rs.getObject("migrant_id", UUID.class),
				AdjustmentType.valueOf(rs.getString("type")), rs.getObject("effective_date", LocalDate.class),
				rs.getObject("decided_on", LocalDate.class), rs.getString("reason"), rs.getString("document_no"),
				MigrantStatus.valueOf(rs.getString("previous_status")),
				MigrantStatus.valueOf(rs.getString("new_status")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"));
	}

}
