package cn.resettlement.project.project;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * Progress of a project was reported; the figures are cumulative, the report with the
 * highest sequence is the latest.
 */
public record ProjectProgressReported(UUID reportId, UUID projectId, String code, ProjectType type, String townshipCode,
		int year, int sequence, LocalDate reportedOn, int progressPercent, long investmentCompletedFen,
		long previousInvestmentCompletedFen) implements DomainEvent {

	@Override
	public String subject() {
		return this.projectId.toString();
	}

	@Override
	public String aggregateType() {
		return "Project";
	}

}
