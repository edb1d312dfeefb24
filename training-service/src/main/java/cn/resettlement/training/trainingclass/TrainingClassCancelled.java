package cn.resettlement.training.trainingclass;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** An open class was called off; it is not counted and takes no more enrolments. */
public record TrainingClassCancelled(UUID classId, TrainingCategory category, int year, LocalDate cancelledOn,
		long personsEnrolled) implements DomainEvent {

	@Override
	public String subject() {
		return this.classId.toString();
	}

	@Override
	public String aggregateType() {
		return "TrainingClass";
	}

}
