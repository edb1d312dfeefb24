package cn.resettlement.reporting.report;

import java.time.Instant;
import java.util.List;

import cn.resettlement.reporting.figures.Figures;
import cn.resettlement.reporting.indicator.Evaluation;
import cn.resettlement.reporting.indicator.ScoredIndicator;
import cn.resettlement.reporting.profile.Narrative;
import cn.resettlement.reporting.profile.UnitProfile;

/**
 * Everything a year's report is made of: the figures from the read models, the budget,
 * the scored indicators and the texts entered by administrators. A closed year keeps it
 * as it was submitted (snapshot); the documents are rendered from it.
 *
 * @param year report year
 * @param unitCode unit
 * @param generatedAt when it was computed
 * @param lastEventAt commit time of the newest event it includes
 * @param figures figures of the year
 * @param budget the year's budget
 * @param indicators scored indicators
 * @param evaluation total score and grade
 * @param profile 单位基本概况
 * @param narrative the year's paragraphs
 */
public record ReportData(int year, String unitCode, Instant generatedAt, Instant lastEventAt, Figures figures,
		Budget budget, List<ScoredIndicator> indicators, Evaluation evaluation, UnitProfile profile,
		Narrative narrative) {

}
