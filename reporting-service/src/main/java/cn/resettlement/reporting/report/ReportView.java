package cn.resettlement.reporting.report;

import java.util.List;

import cn.resettlement.reporting.freshness.Freshness;

/**
 * A year's report as shown: its data (live, or as submitted), the submission it is, what
 * changed since, and how current the read models are.
 *
 * @param data the report's data
 * @param submission the submitted version shown, {@code null} for a live report
 * @param lateChanges figures changed since the submission, {@code null} for a live report
 * @param freshness how current the read models are
 */
public record ReportView(ReportData data, Submission submission, List<LateChange> lateChanges, Freshness freshness) {

	public Performance performance() {
		return Performance.of(this.data, this.freshness, this.submission, this.lateChanges);
	}

}
