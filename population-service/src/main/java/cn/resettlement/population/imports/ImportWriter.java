package cn.resettlement.population.imports;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.events.DomainEvent;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.population.household.Household;
import cn.resettlement.population.household.HouseholdRegistered;
import cn.resettlement.population.household.Households;
import cn.resettlement.population.migrant.Migrant;
import cn.resettlement.population.migrant.MigrantRegistered;
import cn.resettlement.population.migrant.MigrantStatus;
import cn.resettlement.population.migrant.SupportTerm;

/**
 * Writes one chunk of valid rows in one transaction, set-based: new households by batch,
 * migrants by {@code COPY} into a temporary table and one
 * {@code INSERT ... ON CONFLICT DO
 * NOTHING RETURNING}, so a person already registered (also by an earlier import of the
 * same file) is skipped, never duplicated. Events of what was created go to the outbox in
 * the same transaction.
 */
@Component
class ImportWriter {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final DataSource dataSource;

	private final Outbox outbox;

	ImportWriter(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, Outbox outbox) {
		this.jdbc = jdbc;
		this.template = template;
		this.dataSource = dataSource;
		this.outbox = outbox;
	}

	/**
	 * Refreshes the planner's statistics of the tables an import filled: right after a
	 * bulk load they still describe the empty tables, and the roster's join then runs as
	 * a nested loop over every household × migrant (a minute for 46,000 persons instead
	 * of a fraction of a second) until autovacuum's next analyze.
	 */
	void refreshStatistics() {
		this.template.execute("analyze household, migrant");
	}

	@Transactional
	ChunkResult write(List<ImportRow> rows) throws IOException, SQLException {
		String actor = Caller.current().userId();
		Set<UUID> newHouseholds = new HashSet<>();
		Map<String, Household> households = households(rows, actor, newHouseholds);
		List<DomainEvent> events = new ArrayList<>();
		households.values()
			.stream()
			.filter((h) -> newHouseholds.contains(h.id()))
			.forEach((h) -> events.add(HouseholdRegistered.of(h)));

		Map<Long, ImportRow.RowError> rejected = new LinkedHashMap<>();
		Map<UUID, Migrant> candidates = new LinkedHashMap<>();
		for (ImportRow row : rows) {
			Household household = households.get(row.householdNo());
			if (!household.townshipCode().equals(row.townshipCode())) {
				rejected.put(row.row(), new ImportRow.RowError("townshipCode",
						"household " + row.householdNo() + " is registered in township " + household.townshipCode()));
				continue;
			}
			SupportTerm term = SupportTerm.forRelocation(household.relocatedOn());
			LocalDate birth = row.idNumber().birthDate();
			LocalDate activeFrom = household.relocatedOn().isAfter(birth) ? household.relocatedOn() : birth;
			Migrant migrant = new Migrant(UUID.randomUUID(), row.idNumber().value(), row.name(), row.idNumber().sex(),
					birth, household.id(), household.householdNo(), household.townshipCode(), household.village(),
					row.relationToHead(), row.phone(), row.cardAccount(),
					SupportTerm.categoryFor(household.relocatedOn()), term.start(), term.end(), activeFrom,
					MigrantStatus.ACTIVE, 0);
			candidates.put(migrant.id(), migrant);
		}
		Set<UUID> inserted = insertMigrants(candidates.values(), actor);
		for (Migrant migrant : candidates.values()) {
			if (inserted.contains(migrant.id())) {
				events.add(MigrantRegistered.of(migrant));
			}
		}
		this.outbox.appendAll(events);
		return new ChunkResult(inserted.size(), candidates.size() - inserted.size(), newHouseholds.size(), rejected);
	}

	private Map<String, Household> households(List<ImportRow> rows, String actor, Set<UUID> created) {
		Map<String, ImportRow> firstRowOf = new LinkedHashMap<>();
		rows.forEach((r) -> firstRowOf.putIfAbsent(r.householdNo(), r));
		String[] numbers = firstRowOf.keySet().toArray(String[]::new);
		Map<String, Household> known = load(numbers);
		List<Object[]> fresh = new ArrayList<>();
		Set<UUID> attempted = new HashSet<>();
		for (ImportRow row : firstRowOf.values()) {
			if (!known.containsKey(row.householdNo())) {
				UUID id = UUID.randomUUID();
				attempted.add(id);
				fresh.add(new Object[] { id, row.householdNo(), row.townshipCode(), row.village(), row.reservoir(),
						row.areaType().name(), row.relocatedOn(), row.address(), actor, actor });
			}
		}
		if (fresh.isEmpty()) {
			return known;
		}
		this.template.batchUpdate("""
				insert into household (id, household_no, township_code, village, reservoir, area_type, relocated_on,
				                       address, created_by, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (household_no) do nothing""", fresh);
		Map<String, Household> all = load(numbers);
		all.values().stream().map(Household::id).filter(attempted::contains).forEach(created::add);
		return all;
	}

	private Map<String, Household> load(String[] numbers) {
		Map<String, Household> byNumber = new LinkedHashMap<>();
		this.jdbc.sql("select * from household where household_no = any(?)")
			.param(numbers)
			.query(Households::map)
			.list()
			.forEach((h) -> byNumber.put(h.householdNo(), h));
		return byNumber;
	}

	private Set<UUID> insertMigrants(java.util.Collection<Migrant> migrants, String actor)
			throws IOException, SQLException {
		if (migrants.isEmpty()) {
			return Set.of();
		}
		this.jdbc.sql("""
				create temp table if not exists import_migrant (
				    ord bigint, id uuid, id_number text, name text, sex text, birth_date date, household_id uuid,
				    township_code text, relation_to_head text, phone text, card_account text, category text,
				    support_start date, support_end date, active_from date
				) on commit delete rows""").update();
		StringBuilder csv = new StringBuilder(migrants.size() * 200);
		long ord = 0;
		for (Migrant m : migrants) {
			csv.append(ord++);
			for (Object value : new Object[] { m.id(), m.idNumber(), m.name(), m.sex(), m.birthDate(), m.householdId(),
					m.townshipCode(), m.relationToHead(), m.phone(), m.cardAccount(), m.category(), m.supportStart(),
					m.supportEnd(), m.activeFrom() }) {
				csv.append(',');
				if (value != null) {
					csv.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
				}
			}
			csv.append('\n');
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy import_migrant from stdin (format csv)", new StringReader(csv.toString()));
		return new HashSet<>(this.jdbc.sql("""
				insert into migrant (id, id_number, name, sex, birth_date, household_id, township_code,
				                     relation_to_head, phone, card_account, category, support_start, support_end,
				                     active_from, status, created_by, updated_by)
				select id, id_number, name, sex, birth_date, household_id, township_code, relation_to_head, phone,
				       card_account, category, support_start, support_end, active_from, 'ACTIVE', ?, ?
				from import_migrant order by ord
				on conflict (id_number) do nothing
				returning id""").params(actor, actor).query(UUID.class).list());
	}

	/**
	 * What a chunk did.
	 *
	 * @param created migrants registered
	 * @param alreadyRegistered rows of persons already in the register
	 * @param householdsCreated households registered
	 * @param rejected rows refused while writing, by row number
	 */
	record ChunkResult(int created, int alreadyRegistered, int householdsCreated,
			Map<Long, ImportRow.RowError> rejected) {
	}

}
