package cn.resettlement.training.enrollment;

import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;
import cn.resettlement.training.trainingclass.TrainingCategory;

/**
 * A registered migrant (or member of a migrant household) was enrolled in a class, after
 * population-service confirmed them. Keyed by the class, so a class's enrolments come
 * before its completion.
 */
public record TraineeEnrolled(UUID enrollmentId, UUID classId, TrainingCategory category, int classYear, UUID migrantId,
		String idNumber, UUID householdId, String townshipCode) implements DomainEvent {

	static TraineeEnrolled of(Enrollment e, TrainingCategory category, int classYear) {
		return new TraineeEnrolled(e.id(), e.classId(), category, classYear, e.migrantId(), e.idNumber(),
				e.householdId(), e.townshipCode());
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
