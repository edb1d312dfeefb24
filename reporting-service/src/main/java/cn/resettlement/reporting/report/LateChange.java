package cn.resettlement.reporting.report;

import java.math.BigDecimal;

/**
 * A figure that changed after the year was closed (late events), against the submitted
 * report.
 *
 * @param metric path in the performance JSON
 * @param submitted the value in the submitted report
 * @param current the value now
 * @param difference current − submitted ({@code null} when either is missing)
 */
public record LateChange(String metric, BigDecimal submitted, BigDecimal current, BigDecimal difference) {

}
