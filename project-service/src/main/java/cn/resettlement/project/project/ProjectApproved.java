package cn.resettlement.project.project;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** A project was approved (批复) after its public notice (公示). */
public record ProjectApproved(UUID projectId, String code, ProjectType type, String townshipCode, int year,
		LocalDate approvedOn, String documentNo, LocalDate noticeStartOn, LocalDate noticeEndOn, long budgetFen,
		long fundingTotalFen) implements DomainEvent {

	@Override
	public String subject() {
		return this.projectId.toString();
	}

	@Override
	public String aggregateType() {
		return "Project";
	}

}
