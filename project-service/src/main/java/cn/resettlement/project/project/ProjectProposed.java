package cn.resettlement.project.project;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** A project was proposed (申报), with the funding lines it draws from allocations. */
public record ProjectProposed(UUID projectId, String code, String name, ProjectType type, String townshipCode,
		String village, int year, long budgetFen, String implementingUnit, Integer beneficiaryHouseholds,
		Integer beneficiaryPersons, Integer relocatedHouseholds, Integer relocatedPersons, LocalDate proposedOn,
		List<AllocationShare> fundings, long fundingTotalFen) implements DomainEvent {

	@Override
	public String subject() {
		return this.projectId.toString();
	}

	@Override
	public String aggregateType() {
		return "Project";
	}

}
