package cn.resettlement.training.summary;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.platform.web.Money;
import cn.resettlement.training.trainingclass.TrainingCategory;

/** Computes a year's figures with a few aggregate queries over the service's tables. */
@Repository
class YearSummaries {

	static final String VOCATIONAL = "VOCATIONAL";

	private final JdbcClient jdbc;

	YearSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	YearSummary of(int year) {
		Map<TrainingCategory, long[]> figures = new LinkedHashMap<>();
		for (TrainingCategory category : TrainingCategory.values()) {
			figures.put(category, new long[3]);
		}
		this.jdbc.sql("""
				select c.category, count(distinct c.id) as classes, count(e.id) as persons
				from training_class c
				left join enrollment e on e.class_id = c.id and e.status = 'COMPLETED'
				where c.year = ? and c.status = 'COMPLETED'
				group by c.category""").param(year).query((rs) -> {
			long[] f = figures.get(TrainingCategory.valueOf(rs.getString("category")));
			f[0] = rs.getLong("classes");
			f[1] = rs.getLong("persons");
		});
		this.jdbc.sql("""
				select c.category, sum(d.amount_fen) as funds
				from disbursement d join training_class c on c.id = d.class_id
				where c.year = ?
				group by c.category""").param(year).query((rs) -> {
			figures.get(TrainingCategory.valueOf(rs.getString("category")))[2] = rs.getLong("funds");
		});
		long[] grants = this.jdbc.sql("""
				select count(distinct id_number) as students, count(*) as grants,
				       count(*) filter (where late_claim) as late_claims, coalesce(sum(amount_fen), 0) as amount
				from vocational_subsidy where year = ?""")
			.param(year)
			.query((rs,
					n) -> new long[] { rs.getLong("students"), rs.getLong("grants"), rs.getLong("late_claims"),
							rs.getLong("amount") })
			.single();
		YearSummary.Vocational vocational = new YearSummary.Vocational(grants[0], grants[1], grants[2],
				Money.toYuan(grants[3]));

		Map<String, YearSummary.CategoryFigures> byCategory = new LinkedHashMap<>();
		long personTimes = vocational.grants();
		for (Map.Entry<TrainingCategory, long[]> entry : figures.entrySet()) {
			long[] f = entry.getValue();
			byCategory.put(entry.getKey().name(), new YearSummary.CategoryFigures(f[0], f[1], Money.toYuan(f[2])));
			personTimes += f[1];
		}
		byCategory.put(VOCATIONAL, new YearSummary.CategoryFigures(0, vocational.grants(), vocational.amount()));

		Map<String, YearSummary.PlanProgress> plan = new LinkedHashMap<>();
		this.jdbc.sql("select * from training_plan_item where year = ? order by category").param(year).query((rs) -> {
			TrainingCategory category = TrainingCategory.valueOf(rs.getString("category"));
			long[] f = figures.get(category);
			plan.put(category.name(), new YearSummary.PlanProgress(rs.getLong("planned_classes"),
					rs.getLong("planned_person_times"), f[0], f[1]));
		});
		return new YearSummary(year, personTimes, byCategory, vocational, plan);
	}

}
