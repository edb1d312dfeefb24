package cn.resettlement.reporting.profile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * 单位基本概况: what administrators enter about the unit, for section 一 of the report. Figures
 * here are the unit's own (staffing, budget totals), not counted from events.
 *
 * @param name unit name, e.g. 邵东市库区移民事务中心
 * @param selfReference how the report names the county, e.g. 我市 or 我县
 * @param addressee who the report is addressed to, e.g. 市财政局
 * @param history how the unit came to be (the first sentence of section 一)
 * @param duties 主要职责, one per item
 * @param staffing 编制 (persons)
 * @param departments 内设机构
 * @param budgets 财政拨款收支总计 per year; adjusted and executed give the budget execution rate
 * (预算执行率) that no event carries
 * @param managementRules the unit's management rules (管理制度), as written in the report
 * @param townships names of the townships (乡镇) by 9-digit code, for the text
 * @param assetIncomeTerms how the income of an asset is called in the text (e.g. 移民产业创业园
 * → 租金); 收益 when not given
 */
public record UnitProfile(@NotBlank @Size(max = 100) String name, @Size(max = 10) String selfReference,
		@Size(max = 50) String addressee, @Size(max = 1000) String history,
		@Size(max = 20) List<@NotBlank @Size(max = 300) String> duties, @PositiveOrZero @Max(100000) Integer staffing,
		@Size(max = 50) List<@NotBlank @Size(max = 50) String> departments,
		@Size(max = 100) List<@Valid @NotNull Budget> budgets, @Size(max = 4000) String managementRules,
		@Size(max = 500) List<@Valid @NotNull Township> townships,
		@Size(max = 50) Map<@NotBlank @Size(max = 100) String, @NotBlank @Size(max = 10) String> assetIncomeTerms) {

	public UnitProfile {
		duties = (duties != null) ? List.copyOf(duties) : List.of();
		departments = (departments != null) ? List.copyOf(departments) : List.of();
		budgets = (budgets != null) ? List.copyOf(budgets) : List.of();
		townships = (townships != null) ? List.copyOf(townships) : List.of();
		assetIncomeTerms = (assetIncomeTerms != null) ? Map.copyOf(assetIncomeTerms) : Map.of();
	}

	/** What a unit without a profile shows. */
	public static UnitProfile empty(String unitCode) {
		return new UnitProfile("单位" + unitCode, null, null, null, List.of(), null, List.of(), List.of(), null,
				List.of(), Map.of());
	}

	public String self() {
		return (this.selfReference != null && !this.selfReference.isBlank()) ? this.selfReference : "我市";
	}

	public Budget budget(int year) {
		return this.budgets.stream().filter((b) -> b.year() == year).findFirst().orElse(null);
	}

	public String townshipName(String code) {
		return this.townships.stream()
			.filter((t) -> t.code().equals(code))
			.map(Township::name)
			.findFirst()
			.orElse(null);
	}

	public String incomeTerm(String asset) {
		return this.assetIncomeTerms.getOrDefault(asset, "收益");
	}

	/**
	 * One year's budget in yuan.
	 *
	 * @param year budget year
	 * @param total 财政拨款收、支总计
	 * @param note what the total includes, e.g. 含政府性基金预算财政拨款收支
	 * @param adjusted 调整后预算数, for the execution rate
	 * @param executed 执行数 (actual expenditure), for the execution rate
	 */
	public record Budget(@Min(2000) @Max(2099) int year, BigDecimal total, @Size(max = 200) String note,
			BigDecimal adjusted, BigDecimal executed) {
	}

	/**
	 * @param code 9-digit township code
	 * @param name township name, e.g. 九龙岭镇
	 */
	public record Township(@NotNull @Pattern(regexp = "[0-9]{9}") String code, @NotBlank @Size(max = 50) String name) {
	}

}
