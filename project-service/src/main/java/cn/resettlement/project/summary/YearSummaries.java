package cn.resettlement.project.summary;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.resettlement.project.allocation.AllocationCategory;
import cn.resettlement.project.project.ProjectStatus;
import cn.resettlement.project.project.ProjectType;

/** Computes a year's summary with a few aggregate queries. */
@Repository
class YearSummaries {

	private final JdbcClient jdbc;

	YearSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	YearSummary of(int year) {
		Map<AllocationCategory, Long> allocated = new EnumMap<>(AllocationCategory.class);
		for (AllocationCategory category : AllocationCategory.values()) {
			allocated.put(category, 0L);
		}
		int[] allocations = new int[1];
		this.jdbc
			.sql("select category, count(*), sum(amount_fen) from fund_allocation where year = ? group by category")
			.param(year)
			.query((ResultSet rs) -> {
				allocated.put(AllocationCategory.valueOf(rs.getString(1)), rs.getLong(3));
				allocations[0] += rs.getInt(2);
			});
		Map<ProjectType, Integer> implemented = new EnumMap<>(ProjectType.class);
		for (ProjectType type : ProjectType.values()) {
			implemented.put(type, 0);
		}
		Map<ProjectStatus, Integer> byStatus = new EnumMap<>(ProjectStatus.class);
		for (ProjectStatus status : ProjectStatus.values()) {
			byStatus.put(status, 0);
		}
		long[] sums = new long[4];
		this.jdbc.sql("""
				select type, status, count(*), sum(investment_completed_fen), sum(disbursed_fen),
				       coalesce(sum(relocated_households), 0), coalesce(sum(relocated_persons), 0)
				from project where year = ? group by type, status""").param(year).query((ResultSet rs) -> {
			ProjectStatus status = ProjectStatus.valueOf(rs.getString(2));
			int count = rs.getInt(3);
			byStatus.merge(status, count, Integer::sum);
			if (status.implemented()) {
				implemented.merge(ProjectType.valueOf(rs.getString(1)), count, Integer::sum);
				sums[0] += rs.getLong(4);
				sums[1] += rs.getLong(5);
				sums[2] += rs.getLong(6);
				sums[3] += rs.getLong(7);
			}
		});
		long income = this.jdbc
			.sql("select coalesce(sum(amount_fen), 0) from asset_income where received_on >= ? and received_on < ?")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
			.query(Long.class)
			.single();
		long dividends = this.jdbc
			.sql("select coalesce(sum(amount_fen), 0) from dividend where paid_on >= ? and paid_on < ?")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
			.query(Long.class)
			.single();
		return new YearSummary(year, allocations[0], allocated, implemented, sums[0], sums[1], sums[2], sums[3],
				byStatus, income, dividends);
	}

}
