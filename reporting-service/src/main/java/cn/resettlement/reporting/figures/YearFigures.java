package cn.resettlement.reporting.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.web.Money;

/**
 * Reads the figures of a unit's year from the read models, by the counting rules of
 * domain.md: business dates decide the year, never the time an event arrived.
 */
@Repository
public class YearFigures {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** Years kept; more are computed again on each request. */
	private static final int CACHED_YEARS = 64;

	private final JdbcClient jdbc;

	private final Map<String, Computed> computed = new ConcurrentHashMap<>();

	YearFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The figures of a year. They change only when events are applied, and every applied
	 * batch (live or rebuild, on any instance) moves the partition progress in its own
	 * transaction: figures computed at a progress are reused until it moves. The progress
	 * is read first, so what is kept is never older than the progress it is kept under.
	 */
	public Figures of(String unit, int year) {
		String progress = this.jdbc.sql(
				"select count(*) || '/' || coalesce(sum(events), 0) || '/' || coalesce(max(last_applied_at)::text, '') "
						+ "from rm_partition_progress")
			.query(String.class)
			.single();
		String key = unit + "/" + year;
		Computed known = this.computed.get(key);
		if (known != null && known.progress().equals(progress)) {
			return known.figures();
		}
		Figures figures = compute(unit, year);
		if (this.computed.size() >= CACHED_YEARS) {
			this.computed.clear();
		}
		this.computed.put(key, new Computed(progress, figures));
		return figures;
	}

	private record Computed(String progress, Figures figures) {
	}

	private Figures compute(String unit, int year) {
		Figures.Funds funds = funds(unit, year);
		List<Figures.AllocationLine> allocations = allocations(unit, year);
		Figures.Projects projects = projects(unit, year, funds.allocatedTotal());
		List<Figures.KeyVillage> keyVillages = keyVillages(unit, year);
		projects = new Figures.Projects(projects.implemented(), projects.byType(), projects.investmentCompleted(),
				projects.overallProgressPercent(), keyVillages.size(), projects.completed(), projects.accepted(),
				projects.acceptanceRatePercent(), projects.disbursed(), projects.relocatedHouseholds(),
				projects.relocatedPersons());
		List<Figures.AssetLine> assetLines = assetLines(unit, year);
		return new Figures(funds, projects, population(unit, year), subsidy(unit, year), training(unit, year),
				petitions(unit, year), assets(assetLines), new Figures.Details(allocations, keyVillages, assetLines));
	}

	private Figures.Funds funds(String unit, int year) {
		Map<String, Long> byCategory = zeros(Codes.FUND_CATEGORIES);
		int[] count = { 0 };
		this.jdbc
			.sql("select category, sum(amount_fen), count(*) from rm_allocation where unit_code = ? and year = ? "
					+ "group by category")
			.params(unit, year)
			.query((rs) -> {
				byCategory.put(rs.getString(1), rs.getLong(2));
				count[0] += rs.getInt(3);
			});
		long total = byCategory.values().stream().mapToLong(Long::longValue).sum();
		return new Figures.Funds(yuan(total), yuanMap(byCategory), count[0]);
	}

	private List<Figures.AllocationLine> allocations(String unit, int year) {
		record Row(String category, String title, long amountFen, LocalDate issuedOn, String documentNo) {
		}
		List<Row> rows = this.jdbc
			.sql("select category, title, amount_fen, issued_on, document_no from rm_allocation "
					+ "where unit_code = ? and year = ?")
			.params(unit, year)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
					rs.getString(5)))
			.list();
		List<Row> ordered = new ArrayList<>(rows);
		ordered.sort(Comparator.comparingInt((Row r) -> Codes.FUND_CATEGORIES.indexOf(r.category()))
			.thenComparing(Row::issuedOn)
			.thenComparing(Row::documentNo)
			.thenComparing(Row::title));
		// allocations of one category under the same title are one line of the sentence
		Map<String, Figures.AllocationLine> lines = new LinkedHashMap<>();
		for (Row row : ordered) {
			lines.merge(row.category() + "|" + row.title(),
					new Figures.AllocationLine(row.category(), row.title(), row.amountFen()),
					(a, b) -> new Figures.AllocationLine(a.category(), a.title(), a.amountFen() + b.amountFen()));
		}
		return List.copyOf(lines.values());
	}

	private Figures.Projects projects(String unit, int year, BigDecimal allocatedTotal) {
		Map<String, Long> byType = zeros(Codes.PROJECT_TYPES);
		long[] totals = new long[7];
		this.jdbc.sql("""
				select type, count(*),
				  sum(case when progress_sequence > 0 then progress_investment_fen else closing_investment_fen end),
				  count(*) filter (where completed), count(*) filter (where accepted), sum(disbursed_fen),
				  coalesce(sum(relocated_households), 0), coalesce(sum(relocated_persons), 0)
				from rm_project
				where unit_code = ? and year = ? and started and not cancelled
				group by type""").params(unit, year).query((rs) -> {
			byType.put(rs.getString(1), rs.getLong(2));
			totals[0] += rs.getLong(2);
			totals[1] += rs.getLong(3);
			totals[2] += rs.getLong(4);
			totals[3] += rs.getLong(5);
			totals[4] += rs.getLong(6);
			totals[5] += rs.getLong(7);
			totals[6] += rs.getLong(8);
		});
		BigDecimal investment = yuan(totals[1]);
		return new Figures.Projects(totals[0], byType, investment, percent(investment, allocatedTotal), 0, totals[2],
				totals[3], percent(totals[3], totals[2]), yuan(totals[4]), totals[5], totals[6]);
	}

	private List<Figures.KeyVillage> keyVillages(String unit, int year) {
		return this.jdbc.sql("""
				select township_code, coalesce(village, ''), sum(funding_fen)
				from rm_project
				where unit_code = ? and year = ? and started and not cancelled and type = 'KEY_VILLAGE'
				group by 1, 2 order by 1, 2""")
			.params(unit, year)
			.query((rs, n) -> new Figures.KeyVillage(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.list();
	}

	private Figures.Population population(String unit, int year) {
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		long adjusted = this.jdbc
			.sql("select count(distinct migrant_id) from rm_adjustment "
					+ "where unit_code = ? and decided_on between ? and ?")
			.params(unit, first, last)
			.query(Long.class)
			.single();
		long registered = this.jdbc
			.sql("select coalesce(sum(amount), 0) from rm_delta where unit_code = ? and metric = ? and year <= ?")
			.params(unit, Deltas.POPULATION_REGISTERED, year)
			.query(Long.class)
			.single();
		// persons with an adjustment in effect on the day (or a late registration 补录 that
		// takes effect later): replace what their registration counted with their status
		// on
		// the day by effective dates, the latest adjustment in effect winning. One pass
		// over
		// the unit's adjustments; everyone else counts by their registration.
		long[] adjustedMigrants = this.jdbc.sql("""
				with latest as (
				  select distinct on (migrant_id) migrant_id, new_status
				  from rm_adjustment
				  where unit_code = :unit and effective_date <= :day
				  order by migrant_id, effective_date desc, decided_on desc, event_time desc, adjustment_id desc
				), later as (
				  select distinct migrant_id from rm_adjustment
				  where unit_code = :unit and type = 'ADDITION' and previous_status = 'ACTIVE' and effective_date > :day
				), adjusted as (
				  select migrant_id from latest union select migrant_id from later
				)
				select count(*) filter (where m.active_from <= :day),
				  count(*) filter (where l2.migrant_id is null
				    and (l.new_status = 'ACTIVE' or (l.new_status is null and m.active_from <= :day)))
				from adjusted a
				left join rm_migrant m on m.unit_code = :unit and m.migrant_id = a.migrant_id
				left join latest l on l.migrant_id = a.migrant_id
				left join later l2 on l2.migrant_id = a.migrant_id""")
			.param("unit", unit)
			.param("day", last)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		return new Figures.Population(adjusted, registered - adjustedMigrants[0] + adjustedMigrants[1]);
	}

	private Figures.Subsidy subsidy(String unit, int year) {
		Map<String, Long> ofYear = deltas(unit, "subsidy.%", "year = ?", year);
		Map<String, Long> toYearEnd = deltas(unit, "overpayment.%", "year <= ?", year);
		Map<String, Long> recoveredInYear = deltas(unit, Deltas.OVERPAYMENT_RECOVERED, "year = ?", year);
		record Policy(long annualAmountFen, String frequency) {
		}
		Policy policy = this.jdbc
			.sql("select annual_amount_fen, frequency from rm_subsidy_policy where unit_code = ? and year = ?")
			.params(unit, year)
			.query((rs, n) -> new Policy(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElse(null);
		long paidLines = ofYear.getOrDefault(Deltas.SUBSIDY_PAID_LINES, 0L);
		long claimed = toYearEnd.getOrDefault(Deltas.OVERPAYMENT_OPENED, 0L)
				- toYearEnd.getOrDefault(Deltas.OVERPAYMENT_RELEASED, 0L);
		long recoveredToDate = toYearEnd.getOrDefault(Deltas.OVERPAYMENT_RECOVERED, 0L);
		long outstanding = claimed - recoveredToDate - toYearEnd.getOrDefault(Deltas.OVERPAYMENT_WRITTEN_OFF, 0L);
		return new Figures.Subsidy((policy != null) ? yuan(policy.annualAmountFen()) : null,
				(policy != null) ? policy.frequency() : null, ofYear.getOrDefault(Deltas.SUBSIDY_PAID_PERSONS, 0L),
				yuan(ofYear.getOrDefault(Deltas.SUBSIDY_PAID_AMOUNT, 0L)), paidLines,
				ofYear.getOrDefault(Deltas.SUBSIDY_FAILED_LINES, 0L),
				percent(paidLines, ofYear.getOrDefault(Deltas.SUBSIDY_ORIGINAL_LINES, 0L)),
				yuan(recoveredInYear.getOrDefault(Deltas.OVERPAYMENT_RECOVERED, 0L)), yuan(Math.max(outstanding, 0)),
				percent(recoveredToDate, claimed));
	}

	private Figures.Training training(String unit, int year) {
		Map<String, long[]> classes = new HashMap<>();
		this.jdbc.sql("""
				select category, count(*), sum(persons_completed), sum(persons_enrolled)
				from rm_training_class
				where unit_code = ? and year = ? and completed and not cancelled
				group by category""").params(unit, year).query((rs) -> {
			classes.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) });
		});
		Map<String, Long> funds = new HashMap<>();
		this.jdbc
			.sql("select category, sum(amount_fen) from rm_training_disbursement where unit_code = ? "
					+ "and class_year = ? group by category")
			.params(unit, year)
			.query((rs) -> {
				funds.put(rs.getString(1), rs.getLong(2));
			});
		long[] grants = this.jdbc
			.sql("select count(*), coalesce(sum(amount_fen), 0), count(*) filter (where late_claim) "
					+ "from rm_vocational_grant where unit_code = ? and year = ?")
			.params(unit, year)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		Map<String, Figures.Training.Category> byCategory = new LinkedHashMap<>();
		long classPersons = 0;
		long enrolled = 0;
		for (String category : List.of("AGRICULTURAL", "EMPLOYMENT", "LEADER")) {
			long[] c = classes.getOrDefault(category, new long[3]);
			classPersons += c[1];
			enrolled += c[2];
			byCategory.put(category, new Figures.Training.Category(c[0], c[1], yuan(funds.getOrDefault(category, 0L))));
		}
		byCategory.put("VOCATIONAL", new Figures.Training.Category(0, grants[0], yuan(grants[1])));
		Long planned = this.jdbc.sql("select categories from rm_training_plan where unit_code = ? and year = ?")
			.params(unit, year)
			.query(String.class)
			.optional()
			.map(YearFigures::plannedPersonTimes)
			.orElse(null);
		return new Figures.Training(classPersons + grants[0], byCategory, grants[2], planned,
				(planned != null) ? percent(classPersons, planned) : null, percent(classPersons, enrolled));
	}

	/** {@code CATEGORY:classes:personTimes,...} as the writer stores a plan. */
	private static long plannedPersonTimes(String categories) {
		long total = 0;
		for (String line : categories.split(",")) {
			if (!line.isBlank()) {
				total += Long.parseLong(line.split(":")[2]);
			}
		}
		return total;
	}

	private Figures.Petitions petitions(String unit, int year) {
		Map<String, Long> byCategory = zeros(Codes.PETITION_CATEGORIES);
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		this.jdbc
			.sql("select category, count(*) from rm_petition where unit_code = ? and received_on between ? and ? "
					+ "and registered group by category")
			.params(unit, first, last)
			.query((rs) -> {
				byCategory.put(rs.getString(1), rs.getLong(2));
			});
		long[] c = this.jdbc.sql("""
				select count(*) filter (where registered),
				  coalesce(sum(person_count) filter (where registered), 0),
				  count(*) filter (where accepted), count(*) filter (where rejected), count(*) filter (where closed),
				  count(*) filter (where (accepted and accepted_on_time) or (rejected and rejected_on_time)),
				  count(*) filter (where closed and satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')),
				  count(*) filter (where registered and collective)
				from rm_petition where unit_code = ? and received_on between ? and ?""")
			.params(unit, first, last)
			.query((rs,
					n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
							rs.getLong(6), rs.getLong(7), rs.getLong(8) })
			.single();
		return new Figures.Petitions(c[0], c[1], c[2], c[3], c[4], percent(c[4], c[2]), percent(c[5], c[2] + c[3]),
				percent(c[6], c[4]), c[7], byCategory);
	}

	private List<Figures.AssetLine> assetLines(String unit, int year) {
		Map<String, long[]> byAsset = new TreeMap<>();
		this.jdbc.sql("""
				select asset, extract(year from received_on)::int, sum(amount_fen) from rm_asset_income
				where unit_code = ? and received_on between ? and ? group by 1, 2""")
			.params(unit, LocalDate.of(year - 1, 1, 1), LocalDate.of(year, 12, 31))
			.query((rs) -> {
				byAsset.computeIfAbsent(rs.getString(1), (k) -> new long[4])[(rs.getInt(2) == year) ? 2 : 0] += rs
					.getLong(3);
			});
		this.jdbc.sql("""
				select asset, extract(year from paid_on)::int, sum(amount_fen) from rm_dividend
				where unit_code = ? and paid_on between ? and ? group by 1, 2""")
			.params(unit, LocalDate.of(year - 1, 1, 1), LocalDate.of(year, 12, 31))
			.query((rs) -> {
				byAsset.computeIfAbsent(rs.getString(1), (k) -> new long[4])[(rs.getInt(2) == year) ? 3 : 1] += rs
					.getLong(3);
			});
		List<Figures.AssetLine> lines = new ArrayList<>();
		byAsset.forEach((asset, a) -> lines.add(new Figures.AssetLine(asset, a[0], a[1], a[2], a[3])));
		return lines;
	}

	private static Figures.Assets assets(List<Figures.AssetLine> lines) {
		long income = lines.stream().mapToLong(Figures.AssetLine::incomeFen).sum();
		long dividends = lines.stream().mapToLong(Figures.AssetLine::dividendsFen).sum();
		long previous = lines.stream().mapToLong(Figures.AssetLine::previousIncomeFen).sum();
		return new Figures.Assets(yuan(income), yuan(dividends), yuan(previous), percent(income, previous));
	}

	private Map<String, Long> deltas(String unit, String metric, String yearCondition, int year) {
		Map<String, Long> sums = new HashMap<>();
		this.jdbc
			.sql("select metric, sum(amount) from rm_delta where unit_code = ? and metric like ? and " + yearCondition
					+ " group by metric")
			.params(unit, metric, year)
			.query((rs) -> {
				sums.put(rs.getString(1), rs.getLong(2));
			});
		return sums;
	}

	private static Map<String, Long> zeros(List<String> codes) {
		Map<String, Long> map = new LinkedHashMap<>();
		codes.forEach((c) -> map.put(c, 0L));
		return map;
	}

	private static Map<String, BigDecimal> yuanMap(Map<String, Long> fen) {
		Map<String, BigDecimal> map = new LinkedHashMap<>();
		fen.forEach((k, v) -> map.put(k, yuan(v)));
		return map;
	}

	private static BigDecimal yuan(long fen) {
		return Money.toYuan(fen);
	}

	/** part ÷ whole × 100 with one decimal; {@code null} when whole is 0. */
	static BigDecimal percent(long part, long whole) {
		return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
	}

	static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		if (whole == null || whole.signum() == 0) {
			return null;
		}
		return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
	}

}
