package cn.resettlement.project.project;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** Works on a project started (开工): from now on it counts as implemented in its year. */
public record ProjectStarted(UUID projectId, String code, ProjectType type, String townshipCode, String village,
		int year, LocalDate startedOn, long budgetFen, long fundingTotalFen, Integer relocatedHouseholds,
		Integer relocatedPersons) implements DomainEvent {

	@Override
	public String subject() {
		return this.projectId.toString();
	}

	@Override
	public String aggregateType() {
		return "Project";
	}

}
