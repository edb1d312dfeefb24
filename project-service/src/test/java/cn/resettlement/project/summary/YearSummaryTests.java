package cn.resettlement.project.summary;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.resettlement.project.allocation.AllocationCategory;
import cn.resettlement.project.project.ProjectType;

import static org.assertj.core.api.Assertions.assertThat;

class YearSummaryTests {

	@Test
	void overallProgressIsCompletedInvestmentOverAllocatedFunds() {
		Map<AllocationCategory, Long> allocated = new EnumMap<>(AllocationCategory.class);
		allocated.put(AllocationCategory.FIRST_BATCH, 9_000_000_000L);
		allocated.put(AllocationCategory.OTHER, 702_060_000L);
		YearSummary seed = new YearSummary(2024, 8, allocated, Map.of(ProjectType.INFRASTRUCTURE, 172), 9_197_000_000L,
				0, 0, 0, Map.of(), 0, 0);
		assertThat(seed.allocatedFen()).isEqualTo(9_702_060_000L);
		assertThat(seed.implemented()).isEqualTo(172);
		assertThat(seed.overallProgressPercent()).isEqualByComparingTo(new BigDecimal("94.8"));
	}

	@Test
	void withoutAllocationsThereIsNoProgressFigure() {
		YearSummary empty = new YearSummary(2030, 0, Map.of(), Map.of(), 0, 0, 0, 0, Map.of(), 0, 0);
		assertThat(empty.overallProgressPercent()).isNull();
	}

}
