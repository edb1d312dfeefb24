package cn.resettlement.project.project;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** A project was cancelled; the funding it had not spent went back to its allocations. */
public record ProjectCancelled(UUID projectId, String code, ProjectType type, String townshipCode, int year,
		LocalDate cancelledOn, ProjectStatus previousStatus, List<AllocationShare> released, long releasedTotalFen,
		long fundingTotalFen, long disbursedTotalFen) implements DomainEvent {

	@Override
	public String subject() {
		return this.projectId.toString();
	}

	@Override
	public String aggregateType() {
		return "Project";
	}

}
