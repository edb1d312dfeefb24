package cn.resettlement.reporting.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Scores indicators by the rules of domain.md: a met indicator scores its full weight,
 * otherwise weight × achievement ratio with one decimal. The ratio is actual ÷ target for
 * ≥, target ÷ actual for ≤, and the smaller over the larger for =.
 */
public final class Scoring {

	private static final BigDecimal NINETY = BigDecimal.valueOf(90);

	private static final BigDecimal EIGHTY = BigDecimal.valueOf(80);

	private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

	private Scoring() {
	}

	/**
	 * @param indicators the year's indicators
	 * @param figures the performance figures as JSON (metric paths are resolved in it)
	 */
	public static List<ScoredIndicator> score(List<Indicator> indicators, JsonNode figures) {
		List<ScoredIndicator> scored = new ArrayList<>(indicators.size());
		for (Indicator indicator : indicators) {
			scored.add(score(indicator, actual(figures, indicator.metric())));
		}
		return scored;
	}

	public static ScoredIndicator score(Indicator indicator, BigDecimal actual) {
		boolean met = actual != null && met(indicator.nature(), indicator.target(), actual);
		BigDecimal score = met ? indicator.weight().setScale(1, RoundingMode.HALF_UP)
				: indicator.weight()
					.multiply(ratio(indicator.nature(), indicator.target(), actual))
					.setScale(1, RoundingMode.HALF_UP);
		String note = null;
		if (!met) {
			note = (indicator.deviationNote() != null && !indicator.deviationNote().isBlank())
					? indicator.deviationNote() : automaticNote(indicator, actual);
		}
		return new ScoredIndicator(indicator.code(), indicator.name(), indicator.level(), indicator.metric(),
				indicator.nature(), indicator.target(), indicator.unit(), indicator.weight(), actual, met, score, note);
	}

	public static Evaluation evaluate(List<ScoredIndicator> scored) {
		BigDecimal total = scored.stream()
			.map(ScoredIndicator::score)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(1, RoundingMode.HALF_UP);
		return new Evaluation(total, grade(total));
	}

	public static String grade(BigDecimal total) {
		if (total.compareTo(NINETY) >= 0) {
			return "优";
		}
		if (total.compareTo(EIGHTY) >= 0) {
			return "良";
		}
		if (total.compareTo(SIXTY) >= 0) {
			return "中";
		}
		return "差";
	}

	static boolean met(Nature nature, BigDecimal target, BigDecimal actual) {
		int order = actual.compareTo(target);
		return switch (nature) {
			case GE -> order >= 0;
			case LE -> order <= 0;
			case EQ -> order == 0;
		};
	}

	/** Achievement ratio between 0 and 1 of an indicator that is not met. */
	static BigDecimal ratio(Nature nature, BigDecimal target, BigDecimal actual) {
		if (actual == null) {
			return BigDecimal.ZERO;
		}
		BigDecimal ratio = switch (nature) {
			case GE -> (target.signum() == 0) ? BigDecimal.ONE : divide(actual, target);
			case LE -> (actual.signum() == 0) ? BigDecimal.ONE : divide(target, actual);
			case EQ -> {
				BigDecimal larger = actual.max(target);
				yield (larger.signum() == 0) ? BigDecimal.ONE : divide(actual.min(target), larger);
			}
		};
		return ratio.max(BigDecimal.ZERO).min(BigDecimal.ONE);
	}

	private static BigDecimal divide(BigDecimal a, BigDecimal b) {
		return a.divide(b, 10, RoundingMode.HALF_UP);
	}

	/** The value at a metric path such as {@code subsidy.paidPersons}. */
	public static BigDecimal actual(JsonNode figures, String metric) {
		JsonNode node = figures.at("/" + metric.replace('.', '/'));
		return node.isNumber() ? node.decimalValue() : null;
	}

	private static String automaticNote(Indicator indicator, BigDecimal actual) {
		String unit = (indicator.unit() != null) ? indicator.unit() : "";
		if (actual == null) {
			return "缺少数据，无法计算实际完成值。";
		}
		return "实际完成" + actual.stripTrailingZeros().toPlainString() + unit + "，未达到年度指标值" + indicator.nature().symbol()
				+ indicator.target().stripTrailingZeros().toPlainString() + unit + "。";
	}

}
