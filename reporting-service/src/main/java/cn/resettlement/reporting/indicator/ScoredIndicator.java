package cn.resettlement.reporting.indicator;

import java.math.BigDecimal;

/**
 * An indicator with its actual value (from the read model) and score.
 *
 * @param code code
 * @param name 三级指标
 * @param level 一级/二级
 * @param metric the figure measured
 * @param nature GE, LE or EQ
 * @param target 年度指标值
 * @param unit unit
 * @param weight 分值
 * @param actual 实际完成值, {@code null} when the data cannot give it
 * @param met whether the target is met
 * @param score 得分: the weight when met, else weight × achievement ratio (one decimal)
 * @param deviationNote 偏差原因及改进措施 where not met
 */
public record ScoredIndicator(String code, String name, String level, String metric, Nature nature, BigDecimal target,
		String unit, BigDecimal weight, BigDecimal actual, boolean met, BigDecimal score, String deviationNote) {

}
