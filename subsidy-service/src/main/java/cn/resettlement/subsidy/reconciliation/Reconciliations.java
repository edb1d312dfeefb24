package cn.resettlement.subsidy.reconciliation;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.web.IdNumbers;
import cn.resettlement.platform.sql.ListQuery;
import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;
import cn.resettlement.subsidy.batch.Batch;
import cn.resettlement.subsidy.batch.BatchStatus;
import cn.resettlement.subsidy.batch.Batches;
import cn.resettlement.subsidy.bulk.CopyWriter;
import cn.resettlement.subsidy.files.Columns;
import cn.resettlement.platform.tabular.TabularFiles;
import cn.resettlement.subsidy.integration.Population;
import cn.resettlement.subsidy.integration.RosterEntry;
import cn.resettlement.subsidy.integration.RosterPage;

/**
 * Compares the finance bureau's 一卡通 payee list with the eligible roster of a date (read
 * from population-service) or with the lines of a batch, set-based: both sides are copied
 * into temporary tables and one statement finds persons missing on either side, names and
 * card accounts that differ, and ID numbers listed twice. The report keeps card accounts
 * masked.
 */
@Service
class Reconciliations {

	static final Map<String, List<String>> COLUMNS = Map.of("idNumber", List.of("身份证号码", "身份证号", "证件号码"), "name",
			List.of("姓名", "户名", "收款人", "收款人姓名"), "cardAccount", List.of("一卡通账号", "账号", "卡号", "收款账号", "银行账号"));

	private static final String MASK = "case when %1$s is null then null when length(%1$s) <= 4 then %1$s "
			+ "else repeat('*', length(%1$s) - 4) || right(%1$s, 4) end";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final DataSource dataSource;

	private final Population population;

	private final Batches batches;

	private final AuditTrail audit;

	Reconciliations(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource, Population population,
			Batches batches, AuditTrail audit) {
		this.jdbc = jdbc;
		this.template = template;
		this.dataSource = dataSource;
		this.population = population;
		this.batches = batches;
		this.audit = audit;
	}

	@Transactional
	Reconciliation run(Path file, String fileName, UUID batchId, LocalDate asOf) throws Exception {
		Batch batch = null;
		if (batchId != null) {
			batch = this.batches.find(batchId).orElseThrow(() -> ApiException.notFound("Batch", batchId));
			if (batch.status() == BatchStatus.GENERATING || batch.status() == BatchStatus.FAILED) {
				throw ApiException.conflict("illegal-state", "The batch has no lines to compare.");
			}
		}
		this.jdbc
			.sql("create temp table payee (row_no bigint, id_number text, name text, card_account text) "
					+ "on commit drop")
			.update();
		this.jdbc
			.sql("create temp table reference (id_number text, name text, card_account text, "
					+ "township_code text) on commit drop")
			.update();
		UUID id = UUID.randomUUID();
		List<Object[]> invalid = new ArrayList<>();
		long payeeRows = copyPayees(file, invalid, id);
		long referenceRows = (batch != null) ? copyBatch(batch.id()) : copyRoster(asOf);
		this.jdbc.sql("create index on payee (id_number)").update();
		this.jdbc.sql("create index on reference (id_number)").update();
		this.jdbc.sql("analyze payee").update();
		this.jdbc.sql("analyze reference").update();
		String actor = Caller.current().userId();
		this.jdbc
			.sql("""
					insert into reconciliation (id, against, as_of, batch_id, file_name, payee_rows, reference_rows, matched,
					                            missing_in_payee_list, missing_in_reference, name_mismatches, card_mismatches,
					                            duplicates, invalid_rows, created_by)
					values (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?, ?)""")
			.params(id, (batch != null) ? "BATCH" : "ROSTER", (batch != null) ? null : asOf, batchId, fileName,
					payeeRows, referenceRows, invalid.size(), actor)
			.update();
		this.template.batchUpdate("""
				insert into reconciliation_item (reconciliation_id, item_no, kind, payee_row, payee_name, message)
				values (?, ?, 'INVALID_ROW', ?, ?, ?)""", invalid);
		this.jdbc
			.sql(("""
					with first_payee as (
					    select distinct on (id_number) * from payee order by id_number, row_no),
					items as (
					    select 'MISSING_IN_PAYEE_LIST' as kind, r.id_number, r.township_code, r.name as reference_name,
					           null as payee_name, %1$s as reference_card, null as payee_card, null::bigint as payee_row
					    from reference r where not exists (select 1 from payee p where p.id_number = r.id_number)
					    union all
					    select 'MISSING_IN_REFERENCE', p.id_number, null, null, p.name, null, %2$s, p.row_no
					    from first_payee p where not exists (select 1 from reference r where r.id_number = p.id_number)
					    union all
					    select 'NAME_MISMATCH', r.id_number, r.township_code, r.name, p.name, null, null, p.row_no
					    from reference r join first_payee p on p.id_number = r.id_number
					    where p.name is not null and p.name <> r.name
					    union all
					    select 'CARD_ACCOUNT_MISMATCH', r.id_number, r.township_code, r.name, p.name, %1$s, %2$s, p.row_no
					    from reference r join first_payee p on p.id_number = r.id_number
					    where p.card_account is not null and p.card_account is distinct from r.card_account
					    union all
					    select 'DUPLICATE_IN_PAYEE_LIST', p.id_number, null, null, min(p.name), null, null, min(p.row_no)
					    from payee p group by p.id_number having count(*) > 1)
					insert into reconciliation_item (reconciliation_id, item_no, kind, id_number, township_code,
					                                 reference_name, payee_name, reference_card, payee_card, payee_row)
					select ?, ? + row_number() over (order by kind, township_code, id_number), kind, id_number, township_code,
					       reference_name, payee_name, reference_card, payee_card, payee_row
					from items""")
				.formatted(MASK.formatted("r.card_account"), MASK.formatted("p.card_account")))
			.params(id, invalid.size())
			.update();
		this.jdbc.sql("""
				update reconciliation c set
				       missing_in_payee_list = s.missing_payee, missing_in_reference = s.missing_reference,
				       name_mismatches = s.names, card_mismatches = s.cards, duplicates = s.duplicates,
				       matched = (select count(*) from reference r join (select distinct on (id_number) * from payee
				                                                        order by id_number, row_no) p
				                  on p.id_number = r.id_number
				                  where (p.name is null or p.name = r.name)
				                    and (p.card_account is null or p.card_account = r.card_account))
				from (select count(*) filter (where kind = 'MISSING_IN_PAYEE_LIST') as missing_payee,
				             count(*) filter (where kind = 'MISSING_IN_REFERENCE') as missing_reference,
				             count(*) filter (where kind = 'NAME_MISMATCH') as names,
				             count(*) filter (where kind = 'CARD_ACCOUNT_MISMATCH') as cards,
				             count(*) filter (where kind = 'DUPLICATE_IN_PAYEE_LIST') as duplicates
				      from reconciliation_item where reconciliation_id = ?) s
				where c.id = ?""").params(id, id).update();
		Reconciliation result = find(id).orElseThrow();
		this.audit.record("subsidy-reconciliation.run", "Reconciliation", id,
				Map.of("against", result.against(), "payeeRows", payeeRows, "matched", result.matched()));
		return result;
	}

	private long copyPayees(Path file, List<Object[]> invalid, UUID reconciliationId) throws Exception {
		Columns[] columns = { null };
		try (CopyWriter copy = CopyWriter.open(this.dataSource, "payee (row_no, id_number, name, card_account)")) {
			TabularFiles.open(file).read((row, cells) -> {
				if (columns[0] == null) {
					columns[0] = Columns.locate(cells, COLUMNS);
					if (!columns[0].has("idNumber")) {
						throw ApiException.invalid("file",
								"The first row must be a header with an ID number column (身份证号码 or idNumber).");
					}
					return;
				}
				String raw = columns[0].get(cells, "idNumber");
				String idNumber = (IdNumbers.problem(raw).isEmpty() ? IdNumbers.normalize(raw) : null);
				String name = columns[0].get(cells, "name");
				if (idNumber == null) {
					invalid.add(new Object[] { reconciliationId, invalid.size() + 1, row, name,
							(raw == null) ? "no ID number" : "not a valid ID number" });
					return;
				}
				String card = columns[0].get(cells, "cardAccount");
				try {
					copy.field(row).field(idNumber).field(name).field((card != null) ? card.replace(" ", "") : null);
					copy.endRow();
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Copying the payee list failed", ex);
				}
			});
			if (columns[0] == null) {
				throw ApiException.invalid("file", "is empty: the first row must be a header");
			}
			return copy.finish() + invalid.size();
		}
	}

	private long copyBatch(UUID batchId) {
		return this.jdbc.sql("""
				insert into reference (id_number, name, card_account, township_code)
				select id_number, name, card_account, township_code from subsidy_line
				where batch_id = ? and superseded_by is null""").param(batchId).update();
	}

	private long copyRoster(LocalDate asOf) throws Exception {
		RosterPage first = this.population.firstPage(asOf);
		try (CopyWriter copy = CopyWriter.open(this.dataSource,
				"reference (id_number, name, card_account, township_code)")) {
			this.population.forEachPage(asOf, first, (page) -> {
				for (RosterEntry person : page.items()) {
					copy.field(person.idNumber())
						.field(person.name())
						.field(person.cardAccount())
						.field(person.townshipCode())
						.endRow();
				}
			});
			return copy.finish();
		}
	}

	Optional<Reconciliation> find(UUID id) {
		return this.jdbc.sql("select * from reconciliation where id = ?")
			.param(id)
			.query(Reconciliations::map)
			.optional();
	}

	PageResponse<Item> items(UUID id, String kind, PageQuery page) {
		return ListQuery.from("reconciliation_item")
			.where("reconciliation_id = ?", id)
			.whereIfPresent("kind = ?", kind)
			.page(this.jdbc, "*", "item_no", page, Reconciliations::mapItem);
	}

	/** Streams every item of a report in order. */
	void forEachItem(UUID id, Consumer<Item> consumer) {
		this.jdbc.sql("select * from reconciliation_item where reconciliation_id = ? order by item_no")
			.param(id)
			.query((rs, n) -> {
				consumer.accept(mapItem(rs, n));
				return null;
			})
			.list();
	}

	static Reconciliation map(ResultSet rs, int row) throws SQLException {
		return new Reconciliation(rs.getObject("id", UUID.class), rs.getString("against"),
				rs.getObject("as_of", LocalDate.class), rs.getObject("batch_id", UUID.class), rs.getString("file_name"),
				rs.getInt("payee_rows"), rs.getInt("reference_rows"), rs.getInt("matched"),
				rs.getInt("missing_in_payee_list"), rs.getInt("missing_in_reference"), rs.getInt("name_mismatches"),
				rs.getInt("card_mismatches"), rs.getInt("duplicates"), rs.getInt("invalid_rows"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

	static Item mapItem(ResultSet rs, int row) throws SQLException {
		long payeeRow = rs.getLong("payee_row");
		return new Item(rs.getInt("item_no"), rs.getString("kind"), rs.getString("id_number"),
				rs.getString("township_code"), rs.getString("reference_name"), rs.getString("payee_name"),
				rs.getString("reference_card"), rs.getString("payee_card"), rs.wasNull() ? null : payeeRow,
				rs.getString("message"));
	}

	/**
	 * One finding. Card accounts are masked.
	 *
	 * @param itemNo number in the report
	 * @param kind what is wrong
	 * @param idNumber the person
	 * @param townshipCode township (from the roster or batch)
	 * @param referenceName name on the roster or batch
	 * @param payeeName name in the payee list
	 * @param referenceCard card account on the roster or batch (masked)
	 * @param payeeCard card account in the payee list (masked)
	 * @param payeeRow row of the payee list
	 * @param message for invalid rows, why
	 */
	record Item(int itemNo, String kind, String idNumber, String townshipCode, String referenceName, String payeeName,
			String referenceCard, String payeeCard, Long payeeRow, String message) {
	}

}
