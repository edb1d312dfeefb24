package cn.resettlement.petition.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.resettlement.petition.cases.Category;
import cn.resettlement.petition.cases.Channel;
import cn.resettlement.petition.cases.DeadlineKind;
import cn.resettlement.petition.cases.PetitionStatus;
import cn.resettlement.petition.cases.Satisfaction;
import cn.resettlement.petition.cases.Source;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/** Read side of the petition tables: the ledger (台账), its year summary and export. */
@Repository
class Ledger {

	private static final int EXPORT_FETCH_SIZE = 500;

	private static final String ENTRY = """
			select p.*, (select count(*) from petition_overdue o where o.petition_id = p.id) as missed
			from petition p""";

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	Ledger(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(EXPORT_FETCH_SIZE);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	PageResponse<LedgerEntry> list(LedgerFilter filter, LocalDate today, PageQuery page) {
		LedgerFilter.Where where = filter.where(today);
		long total = this.jdbc.sql("select count(*) from petition p" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
		List<Object> params = new ArrayList<>(where.params());
		params.add(page.size());
		params.add(page.offset());
		List<LedgerEntry> entries = this.jdbc
			.sql(ENTRY + where.sql() + " order by p.received_on desc, p.case_no desc limit ? offset ?")
			.params(params)
			.query((rs, n) -> entry(rs, today))
			.list();
		return PageResponse.of(withPetitioners(entries), page, total);
	}

	/**
	 * Streams every entry of the filter in ledger order (oldest first) with a database
	 * cursor, so an export never holds the whole ledger in memory.
	 */
	void forEach(LedgerFilter filter, LocalDate today, Consumer<LedgerEntry> consumer) {
		LedgerFilter.Where where = filter.where(today);
		String sql = """
				select p.*,
				       (select count(*) from petition_overdue o where o.petition_id = p.id) as missed,
				       (select json_agg(json_build_object('name', n.name, 'idNumber', n.id_number,
				                                          'migrantId', n.migrant_id) order by n.position)
				        from petitioner n where n.petition_id = p.id)::text as named
				from petition p""" + where.sql() + " order by p.received_on, p.case_no";
		this.readOnly.executeWithoutResult((status) -> this.streaming.query(sql, (ResultSet rs) -> {
			consumer.accept(entry(rs, today).withPetitioners(Named.parse(rs.getString("named"))));
		}, where.params().toArray()));
	}

	/** Per-category counts of the petitions received in [from, to]. */
	Map<Category, YearSummary.Counts> counts(LocalDate from, LocalDate to, String townshipCode, LocalDate today) {
		List<Object> params = new ArrayList<>(List.of(today, today, from, to));
		String township = "";
		if (townshipCode != null) {
			township = " and township_code = ?";
			params.add(townshipCode);
		}
		Map<Category, YearSummary.Counts> counts = new EnumMap<>(Category.class);
		this.jdbc.sql("""
				select category,
				       count(*) as batches,
				       coalesce(sum(person_count), 0) as person_times,
				       count(*) filter (where collective) as collective,
				       count(*) filter (where repeat_of is not null) as repeats,
				       count(*) filter (where accepted_on is not null) as accepted,
				       count(*) filter (where rejected_on is not null) as rejected,
				       count(*) filter (where closed_on is not null) as closed,
				       count(*) filter (where accepted_on is not null or rejected_on is not null
				                           or accept_due < ?) as acceptance_due,
				       count(*) filter (where coalesce(accepted_on, rejected_on) <= accept_due) as decided_on_time,
				       count(*) filter (where replied_on is not null
				                           or (accepted_on is not null and reply_due < ?)) as reply_due,
				       count(*) filter (where replied_on <= reply_due) as replied_on_time,
				       count(*) filter (where satisfaction is not null) as evaluated,
				       count(*) filter (where satisfaction = 'SATISFIED') as satisfied,
				       count(*) filter (where satisfaction = 'BASICALLY_SATISFIED') as basically_satisfied,
				       count(*) filter (where satisfaction = 'DISSATISFIED') as dissatisfied
				from petition
				where received_on between ? and ?""" + township + " group by category")
			.params(params)
			.query((ResultSet rs) -> {
				counts.put(Category.valueOf(rs.getString("category")),
						new YearSummary.Counts(rs.getLong("batches"), rs.getLong("person_times"),
								rs.getLong("collective"), rs.getLong("repeats"), rs.getLong("accepted"),
								rs.getLong("rejected"), rs.getLong("closed"), rs.getLong("acceptance_due"),
								rs.getLong("decided_on_time"), rs.getLong("reply_due"), rs.getLong("replied_on_time"),
								rs.getLong("evaluated"), rs.getLong("satisfied"), rs.getLong("basically_satisfied"),
								rs.getLong("dissatisfied")));
			});
		return counts;
	}

	/** Batches and person-times per channel of the petitions received in [from, to]. */
	Map<Channel, YearSummary.ChannelFigures> channels(LocalDate from, LocalDate to, String townshipCode) {
		List<Object> params = new ArrayList<>(List.of(from, to));
		String township = "";
		if (townshipCode != null) {
			township = " and township_code = ?";
			params.add(townshipCode);
		}
		Map<Channel, YearSummary.ChannelFigures> channels = new EnumMap<>(Channel.class);
		this.jdbc
			.sql("select channel, count(*), coalesce(sum(person_count), 0) from petition "
					+ "where received_on between ? and ?" + township + " group by channel")
			.params(params)
			.query((ResultSet rs) -> {
				channels.put(Channel.valueOf(rs.getString(1)),
						new YearSummary.ChannelFigures(rs.getLong(2), rs.getLong(3)));
			});
		return channels;
	}

	/** Petitions whose running deadline has passed, per kind of deadline. */
	Map<DeadlineKind, Long> overdueCounts(String townshipCode, LocalDate today) {
		List<Object> params = new ArrayList<>(List.of(today));
		String township = "";
		if (townshipCode != null) {
			township = " and township_code = ?";
			params.add(townshipCode);
		}
		Map<DeadlineKind, Long> counts = new EnumMap<>(DeadlineKind.class);
		for (DeadlineKind kind : DeadlineKind.values()) {
			counts.put(kind, 0L);
		}
		this.jdbc
			.sql("select deadline_kind, count(*) from petition where current_due < ?" + township
					+ " group by deadline_kind")
			.params(params)
			.query((ResultSet rs) -> {
				counts.put(DeadlineKind.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	private List<LedgerEntry> withPetitioners(List<LedgerEntry> entries) {
		if (entries.isEmpty()) {
			return entries;
		}
		Map<UUID, List<LedgerEntry.Named>> byPetition = new LinkedHashMap<>();
		this.jdbc
			.sql("select petition_id, name, id_number, migrant_id from petitioner where petition_id = any(?) "
					+ "order by petition_id, position")
			.param(entries.stream().map(LedgerEntry::id).toArray(UUID[]::new))
			.query((ResultSet rs) -> {
				byPetition.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
					.add(new LedgerEntry.Named(rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class)));
			});
		return entries.stream().map((e) -> e.withPetitioners(byPetition.getOrDefault(e.id(), List.of()))).toList();
	}

	private static LedgerEntry entry(ResultSet rs, LocalDate today) throws SQLException {
		LocalDate currentDue = rs.getObject("current_due", LocalDate.class);
		String kind = rs.getString("deadline_kind");
		String satisfaction = rs.getString("satisfaction");
		return new LedgerEntry(rs.getObject("id", UUID.class), rs.getString("case_no"),
				rs.getObject("received_on", LocalDate.class), Channel.valueOf(rs.getString("channel")),
				Source.valueOf(rs.getString("source")), rs.getString("source_body"), rs.getString("source_reference"),
				rs.getInt("person_count"), rs.getBoolean("collective"), rs.getString("township_code"),
				Category.valueOf(rs.getString("category")), rs.getString("summary"),
				rs.getObject("repeat_of", UUID.class), PetitionStatus.valueOf(rs.getString("status")),
				rs.getObject("accept_due", LocalDate.class), rs.getObject("accepted_on", LocalDate.class),
				rs.getObject("rejected_on", LocalDate.class), rs.getObject("reply_due", LocalDate.class),
				rs.getObject("extension_days", Integer.class), rs.getObject("replied_on", LocalDate.class),
				rs.getObject("closed_on", LocalDate.class),
				(satisfaction != null) ? Satisfaction.valueOf(satisfaction) : null, rs.getString("handler"),
				rs.getString("responsible_leader"), (kind != null) ? DeadlineKind.valueOf(kind) : null, currentDue,
				currentDue != null && currentDue.isBefore(today), rs.getInt("missed"), List.of());
	}

	/** Petitioners aggregated as JSON by the export query. */
	static final class Named {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		private Named() {
		}

		static List<LedgerEntry.Named> parse(String json) {
			if (json == null) {
				return List.of();
			}
			List<LedgerEntry.Named> named = new ArrayList<>();
			for (JsonNode node : JSON.readTree(json)) {
				JsonNode migrant = node.get("migrantId");
				named.add(new LedgerEntry.Named(node.get("name").asString(), text(node.get("idNumber")),
						(migrant == null || migrant.isNull()) ? null : UUID.fromString(migrant.asString())));
			}
			return named;
		}

		private static String text(JsonNode node) {
			return (node == null || node.isNull()) ? null : node.asString().trim();
		}

	}

}
