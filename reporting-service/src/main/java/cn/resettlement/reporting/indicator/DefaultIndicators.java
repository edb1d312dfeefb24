package cn.resettlement.reporting.indicator;

import java.math.BigDecimal;
import java.util.List;

/**
 * The indicator set a year starts with (domain-research.md §6.2), weighted budget
 * execution 10, outputs 50, effects 30, satisfaction 10. Targets are the usual ones for a
 * county resettlement centre; administrators change them per year. Every indicator is
 * measured by a figure the events give (the budget execution rate comes from the budget
 * entered in the unit profile).
 */
public final class DefaultIndicators {

	private static final List<Indicator> SET = List.of(
			indicator("BUDGET_EXECUTION", "预算执行率", "预算执行/预算执行率", "budget.executionRatePercent", Nature.GE, "90", "%",
					"10"),
			indicator("SUBSIDY_PAYMENT_RATE", "直补资金兑付率", "产出/质量", "subsidy.paymentRatePercent", Nature.EQ, "100", "%",
					"8"),
			indicator("SUBSIDY_STANDARD", "直补标准", "产出/成本", "subsidy.standardYuan", Nature.EQ, "600", "元/人·年", "4"),
			indicator("OVERPAYMENT_RECOVERY", "多发资金追缴率", "产出/质量", "subsidy.overpaymentRecoveryRatePercent", Nature.GE,
					"90", "%", "6"),
			indicator("PROJECT_PROGRESS", "工程整体进度", "产出/时效", "projects.overallProgressPercent", Nature.GE, "90", "%",
					"8"),
			indicator("KEY_VILLAGES", "重点移民村建设个数", "产出/数量", "projects.keyVillages", Nature.GE, "1", "个", "6"),
			indicator("TRAINING_PLAN", "移民培训计划完成率", "产出/数量", "training.planCompletionPercent", Nature.GE, "100", "%",
					"6"),
			indicator("TRAINING_COMPLETION", "培训结业率", "产出/质量", "training.completionRatePercent", Nature.GE, "90", "%",
					"4"),
			indicator("PETITION_TIMELY_ACCEPTANCE", "信访及时受理率", "产出/时效", "petitions.acceptedOnTimePercent", Nature.EQ,
					"100", "%", "4"),
			indicator("PROJECT_ACCEPTANCE", "项目验收率", "产出/质量", "projects.acceptanceRatePercent", Nature.GE, "90", "%",
					"4"),
			indicator("ASSET_INCOME", "产业项目年收益较上年", "效益/经济效益", "assets.incomeVsPreviousYearPercent", Nature.GE, "100",
					"%", "10"),
			indicator("PETITION_RESOLUTION", "信访办结率", "效益/社会效益", "petitions.resolutionRatePercent", Nature.GE, "95",
					"%", "10"),
			indicator("COLLECTIVE_PETITIONS", "涉移民集体访批次", "效益/社会效益", "petitions.collectiveBatches", Nature.EQ, "0", "批",
					"10"),
			indicator("PETITION_SATISFACTION", "信访群众满意率", "满意度/服务对象满意度", "petitions.satisfactionRatePercent", Nature.GE,
					"90", "%", "10"));

	private DefaultIndicators() {
	}

	public static List<Indicator> set() {
		return SET;
	}

	private static Indicator indicator(String code, String name, String level, String metric, Nature nature,
			String target, String unit, String weight) {
		return new Indicator(code, name, level, metric, nature, new BigDecimal(target), unit, new BigDecimal(weight),
				null);
	}

}
