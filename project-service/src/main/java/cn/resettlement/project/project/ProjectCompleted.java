package cn.resettlement.project.project;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** Works on a project were completed (完工). */
public record ProjectCompleted(UUID projectId, String code, ProjectType type, String townshipCode, int year,
		LocalDate completedOn, long investmentCompletedFen, long disbursedTotalFen) implements DomainEvent {

	@Override
	public String subject() {
		return this.projectId.toString();
	}

	@Override
	public String aggregateType() {
		return "Project";
	}

}
