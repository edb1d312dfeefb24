package cn.resettlement.project.project;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 进度报告 — progress of a project as of a date.
 *
 * @param id report id
 * @param projectId project
 * @param seq 1 for the first report of the project, then 2, ...
 * @param reportedOn date of the report
 * @param progressPercent progress, 0–100
 * @param investmentCompletedFen investment completed to date, in fen
 * @param note remark (internal)
 */
public record ProgressReport(UUID id, UUID projectId, int seq, LocalDate reportedOn, int progressPercent,
		long investmentCompletedFen, String note) {
}
