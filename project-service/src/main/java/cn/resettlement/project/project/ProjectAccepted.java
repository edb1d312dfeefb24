package cn.resettlement.project.project;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** A completed project passed acceptance (验收). */
public record ProjectAccepted(UUID projectId, String code, ProjectType type, String townshipCode, int year,
		LocalDate acceptedOn, String documentNo, long investmentCompletedFen,
		long disbursedTotalFen) implements DomainEvent {

	@Override
	public String subject() {
		return this.projectId.toString();
	}

	@Override
	public String aggregateType() {
		return "Project";
	}

}
