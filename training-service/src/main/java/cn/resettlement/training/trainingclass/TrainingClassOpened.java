package cn.resettlement.training.trainingclass;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** A training class was set up and is open for enrolment. */
public record TrainingClassOpened(UUID classId, TrainingCategory category, String title, int year, LocalDate startDate,
		LocalDate endDate, String location, String provider, long budgetFen) implements DomainEvent {

	static TrainingClassOpened of(TrainingClass c) {
		return new TrainingClassOpened(c.id(), c.category(), c.title(), c.year(), c.startDate(), c.endDate(),
				c.location(), c.provider(), c.budgetFen());
	}

	@Override
	public String subject() {
		return this.classId.toString();
	}

	@Override
	public String aggregateType() {
		return "TrainingClass";
	}

}
