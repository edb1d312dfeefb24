package cn.resettlement.reporting.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of the performance JSON an indicator can be measured by, by path. Amounts
 * are yuan, as in the JSON.
 */
public final class MetricCatalogue {

	private static final Map<String, Metric> METRICS = new LinkedHashMap<>();

	static {
		add("funds.allocatedTotal", "资金计划下达总额", "元");
		add("funds.allocations", "资金计划下达批次", "批");
		for (String category : List.of("FIRST_BATCH", "WITHIN_600", "KEY_VILLAGE", "PROMINENT_ISSUES", "THREE_GORGES",
				"HARDSHIP_AID", "PROMINENT_ISSUE_PROJECTS", "OTHER")) {
			add("funds.byCategory." + category, "资金计划下达（" + category + "）", "元");
		}
		add("projects.implemented", "后扶项目实施个数", "个");
		for (String type : List.of("INFRASTRUCTURE", "INDUSTRY", "KEY_VILLAGE", "THREE_GORGES", "PROMINENT_ISSUES",
				"HARDSHIP_AID", "RISK_RELOCATION", "OTHER")) {
			add("projects.byType." + type, "实施项目个数（" + type + "）", "个");
		}
		add("projects.investmentCompleted", "完成投资", "元");
		add("projects.overallProgressPercent", "工程整体进度", "%");
		add("projects.keyVillages", "重点移民村建设个数", "个");
		add("projects.completed", "完工项目个数", "个");
		add("projects.accepted", "验收项目个数", "个");
		add("projects.acceptanceRatePercent", "项目验收率", "%");
		add("projects.disbursed", "项目资金拨付", "元");
		add("projects.relocatedHouseholds", "避险搬迁户数", "户");
		add("projects.relocatedPersons", "避险搬迁人数", "人");
		add("population.adjustedPersons", "动态调整人口", "人");
		add("population.activeMigrants", "移民人口（年末）", "人");
		add("subsidy.standardYuan", "直补标准", "元/人·年");
		add("subsidy.paidPersons", "直补资金发放人数", "人");
		add("subsidy.paidAmount", "直补资金发放金额", "元");
		add("subsidy.paidLines", "直补资金发放笔数", "笔");
		add("subsidy.failedPayments", "发放失败笔数", "笔");
		add("subsidy.paymentRatePercent", "直补资金兑付率", "%");
		add("subsidy.overpaymentRecovered", "追缴多领资金", "元");
		add("subsidy.overpaymentOutstanding", "未追回多领资金", "元");
		add("subsidy.overpaymentRecoveryRatePercent", "多发资金追缴率", "%");
		add("training.personTimes", "移民培训人次", "人次");
		for (String category : List.of("AGRICULTURAL", "EMPLOYMENT", "LEADER", "VOCATIONAL")) {
			add("training.byCategory." + category + ".classes", "培训期数（" + category + "）", "期");
			add("training.byCategory." + category + ".persons", "培训人数（" + category + "）", "人");
			add("training.byCategory." + category + ".funds", "培训拨付资金（" + category + "）", "元");
		}
		add("training.lateClaims", "往年漏报职业教育补助", "人");
		add("training.plannedPersonTimes", "计划培训人次", "人次");
		add("training.planCompletionPercent", "培训计划完成率", "%");
		add("training.completionRatePercent", "培训结业率", "%");
		add("petitions.batches", "信访批次", "批");
		add("petitions.personTimes", "信访人次", "人次");
		add("petitions.accepted", "受理信访件", "件");
		add("petitions.rejected", "不予受理信访件", "件");
		add("petitions.closed", "办结信访件", "件");
		add("petitions.resolutionRatePercent", "信访办结率", "%");
		add("petitions.acceptedOnTimePercent", "信访及时受理率", "%");
		add("petitions.satisfactionRatePercent", "信访群众满意率", "%");
		add("petitions.collectiveBatches", "集体访批次", "批");
		add("assets.income", "资产收益", "元");
		add("assets.dividends", "分红", "元");
		add("assets.previousYearIncome", "上年资产收益", "元");
		add("assets.incomeVsPreviousYearPercent", "资产收益较上年", "%");
		add("budget.total", "财政拨款收支总计", "元");
		add("budget.adjusted", "调整后预算数", "元");
		add("budget.executed", "预算执行数", "元");
		add("budget.executionRatePercent", "预算执行率", "%");
	}

	private MetricCatalogue() {
	}

	private static void add(String path, String label, String unit) {
		METRICS.put(path, new Metric(path, label, unit));
	}

	public static boolean knows(String path) {
		return METRICS.containsKey(path);
	}

	public static List<Metric> all() {
		return new ArrayList<>(METRICS.values());
	}

	/**
	 * @param path path in the performance JSON
	 * @param label what it is
	 * @param unit its unit
	 */
	public record Metric(String path, String label, String unit) {
	}

}
