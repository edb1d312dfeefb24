package cn.resettlement.reporting.indicator;

import java.math.BigDecimal;

/**
 * @param totalScore Σ scores (of 100)
 * @param grade 优 (≥ 90), 良 (80–89.9), 中 (60–79.9) or 差 (< 60)
 */
public record Evaluation(BigDecimal totalScore, String grade) {

}
