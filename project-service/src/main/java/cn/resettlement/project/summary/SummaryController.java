package cn.resettlement.project.summary;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.Money;
import cn.resettlement.project.allocation.AllocationCategory;
import cn.resettlement.project.project.ProjectStatus;
import cn.resettlement.project.project.ProjectType;

/**
 * {@code GET /api/v1/projects/summaries/{year}}: the county's project figures of a year —
 * funds allocated by category, projects implemented by type, investment completed and
 * overall progress. County-wide, so not for township officers.
 */
@RestController
class SummaryController {

	private final YearSummaries summaries;

	SummaryController(YearSummaries summaries) {
		this.summaries = summaries;
	}

	@GetMapping("/api/v1/projects/summaries/{year}")
	@PreAuthorize("hasAnyRole('ADMIN','STAFF','AUDITOR')")
	SummaryResponse summary(@PathVariable int year) {
		if (year < 2000 || year > 2099) {
			throw ApiException.invalid("year", "must be between 2000 and 2099");
		}
		YearSummary s = this.summaries.of(year);
		Map<AllocationCategory, BigDecimal> byCategory = new EnumMap<>(AllocationCategory.class);
		s.allocatedByCategory().forEach((category, fen) -> byCategory.put(category, Money.toYuan(fen)));
		return new SummaryResponse(year,
				new Funds(s.allocations(), Money.toYuan(s.allocatedFen()), Money.toWanYuan(s.allocatedFen()),
						byCategory),
				new Projects(s.implemented(), s.implementedByType(), Money.toYuan(s.investmentCompletedFen()),
						Money.toWanYuan(s.investmentCompletedFen()), s.overallProgressPercent(),
						Money.toYuan(s.disbursedFen()), s.relocatedHouseholds(), s.relocatedPersons(), s.byStatus()),
				new Assets(Money.toYuan(s.assetIncomeFen()), Money.toYuan(s.dividendsFen())));
	}

	record SummaryResponse(int year, Funds funds, Projects projects, Assets assets) {
	}

	record Funds(int allocations, BigDecimal allocatedTotal, String allocatedTotalWanYuan,
			Map<AllocationCategory, BigDecimal> byCategory) {
	}

	record Projects(int implemented, Map<ProjectType, Integer> byType, BigDecimal investmentCompleted,
			String investmentCompletedWanYuan, BigDecimal overallProgressPercent, BigDecimal disbursed,
			long relocatedHouseholds, long relocatedPersons, Map<ProjectStatus, Integer> byStatus) {
	}

	record Assets(BigDecimal income, BigDecimal dividends) {
	}

}
