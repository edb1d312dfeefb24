package cn.resettlement.training.plan;

import java.util.List;

import cn.resettlement.platform.events.DomainEvent;

/**
 * A year's training plan was set or changed; the categories are the whole plan (targets
 * for the year's indicators).
 */
public record TrainingPlanSet(int year, List<TrainingPlan.Item> categories) implements DomainEvent {

	@Override
	public String subject() {
		return "training-plan-" + this.year;
	}

	@Override
	public String aggregateType() {
		return "TrainingPlan";
	}

}
