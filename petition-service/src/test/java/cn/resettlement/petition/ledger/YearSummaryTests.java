package cn.resettlement.petition.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.resettlement.petition.cases.Category;
import cn.resettlement.petition.cases.Channel;

import static org.assertj.core.api.Assertions.assertThat;

class YearSummaryTests {

	@Test
	void ratesAreOneDecimalHalfUpAndUndefinedWithoutADenominator() {
		assertThat(Percent.of(19, 19)).isEqualByComparingTo("100.0");
		assertThat(Percent.of(2, 3)).isEqualByComparingTo("66.7");
		assertThat(Percent.of(1, 8)).isEqualByComparingTo("12.5");
		assertThat(Percent.of(1, 16)).as("6.25 rounds half up").isEqualByComparingTo("6.3");
		assertThat(Percent.of(0, 0)).isNull();
	}

	@Test
	void theResolutionRateIsClosedOverAcceptedAndLeavesRejectedPetitionsOut() {
		YearSummary.Counts homestead = new YearSummary.Counts(10, 40, 3, 1, 9, 1, 9, 10, 10, 9, 8, 9, 7, 1, 1);
		YearSummary.Counts road = new YearSummary.Counts(4, 10, 1, 0, 4, 0, 3, 4, 3, 4, 4, 3, 3, 0, 0);
		YearSummary summary = YearSummary.of(2024, null, LocalDate.of(2026, 11, 28),
				Map.of(Category.HOMESTEAD, homestead, Category.ROAD, road),
				Map.of(Channel.VISIT, new YearSummary.ChannelFigures(14, 50)));

		assertThat(summary.batches()).isEqualTo(14);
		assertThat(summary.personTimes()).isEqualTo(50);
		assertThat(summary.accepted()).isEqualTo(13);
		assertThat(summary.rejected()).isEqualTo(1);
		assertThat(summary.pendingDecision()).isZero();
		assertThat(summary.closed()).isEqualTo(12);
		assertThat(summary.resolutionRatePercent()).isEqualByComparingTo(new BigDecimal("92.3"));
		assertThat(summary.acceptanceOnTime().ratePercent()).isEqualByComparingTo("92.9");
		assertThat(summary.replyOnTime().ratePercent()).isEqualByComparingTo("92.3");
		assertThat(summary.satisfaction().evaluated()).isEqualTo(12);
		assertThat(summary.satisfaction().ratePercent()).as("满意 + 基本满意").isEqualByComparingTo("91.7");
		assertThat(summary.byCategory()).containsOnlyKeys(Category.values());
		assertThat(summary.byCategory().get(Category.ROAD).resolutionRatePercent()).isEqualByComparingTo("75.0");
		assertThat(summary.byCategory().get(Category.SUBSIDY).batches()).isZero();
		assertThat(summary.byCategory().get(Category.SUBSIDY).resolutionRatePercent()).isNull();
		assertThat(summary.byChannel()).containsOnlyKeys(Channel.values());
	}

}
