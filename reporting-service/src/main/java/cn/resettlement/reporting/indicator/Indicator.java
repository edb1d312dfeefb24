package cn.resettlement.reporting.indicator;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A performance indicator (绩效指标) of a year.
 *
 * @param code stable code, e.g. SUBSIDY_PAYMENT_RATE
 * @param name 三级指标, e.g. 直补资金兑付率
 * @param level 一级/二级, e.g. 产出/质量 (一级: 预算执行, 产出, 效益 or 满意度)
 * @param metric the figure of the performance JSON it is measured by, e.g.
 * subsidy.paymentRatePercent
 * @param nature GE, LE or EQ
 * @param target 年度指标值
 * @param unit unit of target and actual, e.g. %, 人, 万元
 * @param weight 分值; the weights of a year sum to 100
 * @param deviationNote 偏差原因及改进措施, shown when the indicator is not met
 */
public record Indicator(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}") String code,
		@NotBlank @Size(max = 100) String name, @NotBlank @Pattern(regexp = "(预算执行|产出|效益|满意度)/[^/]{1,20}") String level,
		@NotBlank @Size(max = 100) String metric, @NotNull Nature nature,
		@NotNull @DecimalMin("0") @DecimalMax("1000000000000") BigDecimal target, @Size(max = 20) String unit,
		@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal weight,
		@Size(max = 500) String deviationNote) {

	/** 一级指标. */
	public String firstLevel() {
		return this.level.substring(0, this.level.indexOf('/'));
	}

	/** 二级指标. */
	public String secondLevel() {
		return this.level.substring(this.level.indexOf('/') + 1);
	}

}
