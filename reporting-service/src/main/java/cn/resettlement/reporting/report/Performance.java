package cn.resettlement.reporting.report;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.resettlement.reporting.figures.Figures;
import cn.resettlement.reporting.freshness.Freshness;
import cn.resettlement.reporting.indicator.Evaluation;
import cn.resettlement.reporting.indicator.ScoredIndicator;

/**
 * {@code GET /api/v1/reports/{year}/performance} (api.md): the year's figures (amounts in
 * yuan), the indicators with actual values and scores, the evaluation, and how current
 * the figures are. For a closed year the figures are the submitted ones and
 * {@code lateChanges} lists what late events changed since.
 *
 * @param year report year
 * @param unitCode unit
 * @param generatedAt when the figures were computed (for a closed year: when it was
 * submitted)
 * @param lastEventAt commit time of the newest event applied to the read models
 * @param consumerLag events not yet applied ({@code null} when Kafka could not be asked)
 * @param funds 资金计划
 * @param projects 后扶项目
 * @param population 移民人口
 * @param subsidy 直补资金
 * @param training 移民培训
 * @param petitions 信访
 * @param assets 资产收益
 * @param budget the budget entered in the unit profile
 * @param indicators 绩效指标 with actual and score
 * @param evaluation total score and grade
 * @param freshness details of how current the figures are
 * @param submission the submitted version shown, for a closed year
 * @param lateChanges for a closed year: figures that changed since it was submitted
 */
public record Performance(int year, String unitCode, Instant generatedAt, Instant lastEventAt, Long consumerLag,
		Figures.Funds funds, Figures.Projects projects, Figures.Population population, Figures.Subsidy subsidy,
		Figures.Training training, Figures.Petitions petitions, Figures.Assets assets, Budget budget,
		List<ScoredIndicator> indicators, Evaluation evaluation, Freshness freshness,
		@JsonInclude(JsonInclude.Include.NON_NULL) Submission submission,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<LateChange> lateChanges) {

	static Performance of(ReportData data, Freshness freshness, Submission submission, List<LateChange> lateChanges) {
		return new Performance(data.year(), data.unitCode(), data.generatedAt(), freshness.lastEventAt(),
				freshness.consumerLag(), data.figures().funds(), data.figures().projects(), data.figures().population(),
				data.figures().subsidy(), data.figures().training(), data.figures().petitions(),
				data.figures().assets(), data.budget(), data.indicators(), data.evaluation(), freshness, submission,
				lateChanges);
	}

}
