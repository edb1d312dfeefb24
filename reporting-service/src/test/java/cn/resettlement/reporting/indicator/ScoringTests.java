package cn.resettlement.reporting.indicator;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringTests {

	@Test
	void aMetIndicatorScoresItsFullWeight() {
		ScoredIndicator scored = Scoring.score(indicator(Nature.GE, "90", "10"), new BigDecimal("94.8"));
		assertThat(scored.met()).isTrue();
		assertThat(scored.score()).isEqualByComparingTo("10");
		assertThat(scored.deviationNote()).isNull();
	}

	@Test
	void anIndicatorNotMetScoresWeightTimesAchievementWithOneDecimal() {
		assertThat(Scoring.score(indicator(Nature.GE, "100", "8"), new BigDecimal("94.8")).score())
			.isEqualByComparingTo("7.6");
		assertThat(Scoring.score(indicator(Nature.LE, "10", "5"), new BigDecimal("12")).score())
			.isEqualByComparingTo("4.2");
		assertThat(Scoring.score(indicator(Nature.EQ, "600", "4"), new BigDecimal("550")).score())
			.isEqualByComparingTo("3.7");
		assertThat(Scoring.score(indicator(Nature.EQ, "100", "8"), new BigDecimal("105")).score())
			.isEqualByComparingTo("7.6");
	}

	@Test
	void aZeroTargetOfEqualOrAtMostGivesNothingOnceExceeded() {
		ScoredIndicator scored = Scoring.score(indicator(Nature.EQ, "0", "10"), new BigDecimal("2"));
		assertThat(scored.met()).isFalse();
		assertThat(scored.score()).isEqualByComparingTo("0");
		assertThat(scored.deviationNote()).isEqualTo("实际完成2%，未达到年度指标值=0%。");
		assertThat(Scoring.score(indicator(Nature.EQ, "0", "10"), BigDecimal.ZERO).score()).isEqualByComparingTo("10");
	}

	@Test
	void aMissingActualScoresNothingAndSaysWhy() {
		ScoredIndicator scored = Scoring.score(indicator(Nature.GE, "90", "10"), null);
		assertThat(scored.score()).isEqualByComparingTo("0");
		assertThat(scored.deviationNote()).contains("缺少数据");
	}

	@Test
	void anAdministratorsDeviationNoteReplacesTheAutomaticOne() {
		Indicator indicator = new Indicator("X", "信访办结率", "效益/社会效益", "petitions.resolutionRatePercent", Nature.GE,
				new BigDecimal("95"), "%", BigDecimal.TEN, "两件信访跨年办理，已于次年一月办结。");
		assertThat(Scoring.score(indicator, new BigDecimal("90")).deviationNote()).isEqualTo("两件信访跨年办理，已于次年一月办结。");
	}

	@Test
	void gradesFollowTheBands() {
		assertThat(Scoring.grade(new BigDecimal("90"))).isEqualTo("优");
		assertThat(Scoring.grade(new BigDecimal("89.9"))).isEqualTo("良");
		assertThat(Scoring.grade(new BigDecimal("80"))).isEqualTo("良");
		assertThat(Scoring.grade(new BigDecimal("79.9"))).isEqualTo("中");
		assertThat(Scoring.grade(new BigDecimal("60"))).isEqualTo("中");
		assertThat(Scoring.grade(new BigDecimal("59.9"))).isEqualTo("差");
	}

	@Test
	void metricsAreReadByTheirPathInTheFigures() {
		var figures = JsonMapper.builder()
			.build()
			.readTree(
					"{\"training\":{\"byCategory\":{\"LEADER\":{\"persons\":250}}},\"subsidy\":{\"standardYuan\":null}}");
		assertThat(Scoring.actual(figures, "training.byCategory.LEADER.persons")).isEqualByComparingTo("250");
		assertThat(Scoring.actual(figures, "subsidy.standardYuan")).isNull();
		assertThat(Scoring.actual(figures, "subsidy.nothing")).isNull();
	}

	@Test
	void theTotalIsTheSumOfTheScores() {
		List<ScoredIndicator> scored = List.of(Scoring.score(indicator(Nature.GE, "90", "60"), new BigDecimal("95")),
				Scoring.score(indicator(Nature.GE, "100", "40"), new BigDecimal("50")));
		Evaluation evaluation = Scoring.evaluate(scored);
		assertThat(evaluation.totalScore()).isEqualByComparingTo("80");
		assertThat(evaluation.grade()).isEqualTo("良");
	}

	@Test
	void theDefaultSetIsValidAndSumsToOneHundred() {
		IndicatorManagement.validate(DefaultIndicators.set());
		assertThat(DefaultIndicators.set()).allSatisfy((i) -> assertThat(MetricCatalogue.knows(i.metric())).isTrue());
	}

	private static Indicator indicator(Nature nature, String target, String weight) {
		return new Indicator("CODE", "指标", "产出/数量", "projects.implemented", nature, new BigDecimal(target), "%",
				new BigDecimal(weight), null);
	}

}
