package cn.resettlement.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.resettlement.reporting.profile.UnitProfile;

/**
 * The year's budget as entered in the unit profile (no event carries it), in yuan.
 *
 * @param total 财政拨款收支总计
 * @param adjusted 调整后预算数
 * @param executed 执行数
 * @param executionRatePercent executed ÷ adjusted × 100 (预算执行率)
 */
public record Budget(BigDecimal total, BigDecimal adjusted, BigDecimal executed, BigDecimal executionRatePercent) {

	static Budget of(UnitProfile profile, int year) {
		UnitProfile.Budget budget = profile.budget(year);
		if (budget == null) {
			return new Budget(null, null, null, null);
		}
		BigDecimal rate = (budget.adjusted() != null && budget.executed() != null && budget.adjusted().signum() > 0)
				? budget.executed().multiply(BigDecimal.valueOf(100)).divide(budget.adjusted(), 1, RoundingMode.HALF_UP)
				: null;
		return new Budget(scale(budget.total()), scale(budget.adjusted()), scale(budget.executed()), rate);
	}

	private static BigDecimal scale(BigDecimal yuan) {
		return (yuan != null) ? yuan.setScale(2, RoundingMode.UNNECESSARY) : null;
	}

}
