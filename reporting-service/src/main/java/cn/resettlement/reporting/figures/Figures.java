package cn.resettlement.reporting.figures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Every figure of a unit's year, computed from the read models by the counting rules of
 * domain.md. Amounts are yuan (2 decimals), percentages have one decimal and are
 * {@code null} when there is nothing to divide by.
 *
 * @param funds 资金计划下达
 * @param projects 后扶项目
 * @param population 移民人口
 * @param subsidy 直补资金
 * @param training 移民培训
 * @param petitions 信访
 * @param assets 资产收益
 * @param details what the document's sentences need beyond the figures
 */
public record Figures(Funds funds, Projects projects, Population population, Subsidy subsidy, Training training,
		Petitions petitions, Assets assets, Details details) {

	/**
	 * @param allocatedTotal allocations with year Y
	 * @param byCategory the same by category (every category, 0 when none)
	 * @param allocations number of allocations
	 */
	public record Funds(BigDecimal allocatedTotal, Map<String, BigDecimal> byCategory, int allocations) {
	}

	/**
	 * @param implemented projects of Y that reached IN_PROGRESS or later and were not
	 * cancelled
	 * @param byType the same by type (every type)
	 * @param investmentCompleted Σ of their latest reported investment
	 * @param overallProgressPercent investmentCompleted ÷ funds.allocatedTotal × 100
	 * @param keyVillages villages with an implemented KEY_VILLAGE project
	 * @param completed implemented projects completed (完工) or accepted
	 * @param accepted implemented projects accepted (验收)
	 * @param acceptanceRatePercent accepted ÷ completed × 100
	 * @param disbursed Σ paid out to the implemented projects
	 * @param relocatedHouseholds households moved out of hazard zones (避险搬迁)
	 * @param relocatedPersons persons moved out of hazard zones
	 */
	public record Projects(long implemented, Map<String, Long> byType, BigDecimal investmentCompleted,
			BigDecimal overallProgressPercent, long keyVillages, long completed, long accepted,
			BigDecimal acceptanceRatePercent, BigDecimal disbursed, long relocatedHouseholds, long relocatedPersons) {
	}

	/**
	 * @param adjustedPersons distinct persons with an adjustment decided in Y
	 * @param activeMigrants persons active on Y's last day by effective dates
	 */
	public record Population(long adjustedPersons, long activeMigrants) {
	}

	/**
	 * @param standardYuan the year's annual amount per person (直补标准), {@code null}
	 * without a policy
	 * @param frequency ANNUAL, SEMIANNUAL or QUARTERLY, {@code null} without a policy
	 * @param paidPersons distinct persons paid for periods of Y
	 * @param paidAmount Σ paid for periods of Y
	 * @param paidLines lines paid for periods of Y (re-issues included)
	 * @param failedPayments lines the bank returned unpaid
	 * @param paymentRatePercent paid lines ÷ lines with a bank result (re-issues not
	 * counted twice) × 100 (兑付率)
	 * @param overpaymentRecovered recoveries dated in Y
	 * @param overpaymentOutstanding still owed at the end of Y
	 * @param overpaymentRecoveryRatePercent recovered ÷ claimed, both to the end of Y
	 */
	public record Subsidy(BigDecimal standardYuan, String frequency, long paidPersons, BigDecimal paidAmount,
			long paidLines, long failedPayments, BigDecimal paymentRatePercent, BigDecimal overpaymentRecovered,
			BigDecimal overpaymentOutstanding, BigDecimal overpaymentRecoveryRatePercent) {
	}

	/**
	 * @param personTimes completed trainees of classes ending in Y + vocational grants of
	 * Y
	 * @param byCategory AGRICULTURAL, EMPLOYMENT, LEADER and VOCATIONAL
	 * @param lateClaims vocational grants of Y that were late claims (往年漏报)
	 * @param plannedPersonTimes person-times of the year's training plan, {@code null}
	 * without one
	 * @param planCompletionPercent class person-times ÷ planned × 100
	 * @param completionRatePercent completed ÷ enrolled trainees of Y's classes × 100
	 */
	public record Training(long personTimes, Map<String, Category> byCategory, long lateClaims, Long plannedPersonTimes,
			BigDecimal planCompletionPercent, BigDecimal completionRatePercent) {

		/**
		 * @param classes completed classes (期); 0 for VOCATIONAL
		 * @param persons completed trainees, or grants for VOCATIONAL
		 * @param funds disbursed to the classes, or granted
		 */
		public record Category(long classes, long persons, BigDecimal funds) {
		}

	}

	/**
	 * @param batches petitions received in Y (批次)
	 * @param personTimes Σ persons (人次)
	 * @param accepted accepted (受理)
	 * @param rejected not accepted (不予受理)
	 * @param closed closed (办结)
	 * @param resolutionRatePercent closed ÷ accepted × 100 (办结率)
	 * @param acceptedOnTimePercent decided within 15 days ÷ decided × 100
	 * @param satisfactionRatePercent (满意 + 基本满意) ÷ closed × 100
	 * @param collectiveBatches petitions of five or more persons (集体访)
	 * @param byCategory batches by category (every category)
	 */
	public record Petitions(long batches, long personTimes, long accepted, long rejected, long closed,
			BigDecimal resolutionRatePercent, BigDecimal acceptedOnTimePercent, BigDecimal satisfactionRatePercent,
			long collectiveBatches, Map<String, Long> byCategory) {
	}

	/**
	 * @param income asset income received in Y
	 * @param dividends dividends paid in Y
	 * @param previousYearIncome asset income received in Y-1
	 * @param incomeVsPreviousYearPercent income ÷ previousYearIncome × 100
	 */
	public record Assets(BigDecimal income, BigDecimal dividends, BigDecimal previousYearIncome,
			BigDecimal incomeVsPreviousYearPercent) {
	}

	/**
	 * @param allocations the year's allocations as lines of the plan sentence
	 * @param keyVillages villages with KEY_VILLAGE projects and their funding
	 * @param assets per asset: income and dividends of Y-1 and Y
	 */
	public record Details(List<AllocationLine> allocations, List<KeyVillage> keyVillages, List<AssetLine> assets) {
	}

	/** Allocations of one category and title (fen). */
	public record AllocationLine(String category, String title, long amountFen) {
	}

	/** A key migrant village (重点移民村) and the funding of its projects (fen). */
	public record KeyVillage(String townshipCode, String village, long fundingFen) {
	}

	/** One asset's income and dividends of the previous and the report year (fen). */
	public record AssetLine(String asset, long previousIncomeFen, long previousDividendsFen, long incomeFen,
			long dividendsFen) {
	}

}
