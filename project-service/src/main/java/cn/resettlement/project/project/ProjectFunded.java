package cn.resettlement.project.project;

import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * A funding line drawn from an allocation was added to a project after it was proposed.
 */
public record ProjectFunded(UUID projectId, String code, ProjectType type, String townshipCode, int year,
		ProjectStatus status, AllocationShare funding, long fundingTotalFen) implements DomainEvent {

	@Override
	public String subject() {
		return this.projectId.toString();
	}

	@Override
	public String aggregateType() {
		return "Project";
	}

}
