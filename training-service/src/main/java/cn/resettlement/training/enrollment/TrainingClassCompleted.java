package cn.resettlement.training.enrollment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;
import cn.resettlement.training.trainingclass.TrainingCategory;

/**
 * A class finished (结业) with the trainees who completed it. Reporting counts the class
 * and its {@code personsCompleted} in {@code year} (the year the class ended).
 */
public record TrainingClassCompleted(UUID classId, TrainingCategory category, String title, int year,
		LocalDate startDate, LocalDate endDate, LocalDate completedOn, long personsEnrolled, long personsCompleted,
		List<CompletedTrainee> trainees) implements DomainEvent {

	@Override
	public String subject() {
		return this.classId.toString();
	}

	@Override
	public String aggregateType() {
		return "TrainingClass";
	}

	/**
	 * A trainee who completed the class.
	 *
	 * @param migrantId the person's id in population-service
	 * @param idNumber ID number
	 * @param townshipCode township
	 * @param certificateNo certificate number, when one was issued
	 */
	public record CompletedTrainee(UUID migrantId, String idNumber, String townshipCode, String certificateNo) {
	}

}
