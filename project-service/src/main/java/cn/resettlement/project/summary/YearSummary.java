package cn.resettlement.project.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import cn.resettlement.project.allocation.AllocationCategory;
import cn.resettlement.project.project.ProjectStatus;
import cn.resettlement.project.project.ProjectType;

/**
 * The project figures of a year as the annual report counts them (domain.md, counting
 * rules), in fen.
 *
 * @param year the year
 * @param allocations number of allocations of the year
 * @param allocatedByCategory allocations of the year by category
 * @param implementedByType projects of the year that reached IN_PROGRESS and were not
 * cancelled, by type
 * @param investmentCompletedFen sum of the latest reported investment of those projects
 * @param disbursedFen what was paid out to those projects
 * @param relocatedHouseholds households relocated by implemented RISK_RELOCATION projects
 * @param relocatedPersons persons relocated by implemented RISK_RELOCATION projects
 * @param byStatus all projects of the year by status
 * @param assetIncomeFen asset income received in the year
 * @param dividendsFen dividends paid in the year
 */
record YearSummary(int year, int allocations, Map<AllocationCategory, Long> allocatedByCategory,
		Map<ProjectType, Integer> implementedByType, long investmentCompletedFen, long disbursedFen,
		long relocatedHouseholds, long relocatedPersons, Map<ProjectStatus, Integer> byStatus, long assetIncomeFen,
		long dividendsFen) {

	long allocatedFen() {
		return this.allocatedByCategory.values().stream().mapToLong(Long::longValue).sum();
	}

	int implemented() {
		return this.implementedByType.values().stream().mapToInt(Integer::intValue).sum();
	}

	/**
	 * Overall progress: completed investment ÷ allocated funds × 100, one decimal (the
	 * report rounds it further: 94.8 → "95%"); {@code null} without allocations.
	 */
	BigDecimal overallProgressPercent() {
		long allocated = allocatedFen();
		if (allocated == 0) {
			return null;
		}
		return BigDecimal.valueOf(this.investmentCompletedFen)
			.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(allocated), 1, RoundingMode.HALF_UP);
	}

}
