package cn.resettlement.training.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.ETags;
import cn.resettlement.training.integration.PopulationDirectory;
import cn.resettlement.training.integration.RegisteredPerson;
import cn.resettlement.training.trainingclass.ClassStatus;
import cn.resettlement.training.trainingclass.TrainingClass;
import cn.resettlement.training.trainingclass.TrainingClasses;

/**
 * Enrols trainees (only persons population-service confirms, never unchecked), records
 * their attendance and completion, and completes classes.
 */
@Service
class EnrollmentManagement {

	private final TrainingClasses classes;

	private final Enrollments enrollments;

	private final PopulationDirectory population;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	EnrollmentManagement(TrainingClasses classes, Enrollments enrollments, PopulationDirectory population,
			Outbox outbox, AuditTrail audit, Clock clock) {
		this.classes = classes;
		this.enrollments = enrollments;
		this.population = population;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
	}

	/** The class, or 404. */
	TrainingClass classOf(UUID classId) {
		return this.classes.get(classId);
	}

	/** 404 for an unknown class, 409 when it takes no enrolments. */
	TrainingClass requireOpen(UUID classId) {
		TrainingClass trainingClass = this.classes.get(classId);
		requireOpen(trainingClass);
		return trainingClass;
	}

	/**
	 * Asks population-service about one person (outside any transaction).
	 * @throws ApiException 422 when they are not a registered migrant, 503 when
	 * population-service cannot answer
	 */
	RegisteredPerson eligible(String idNumber) {
		return this.population.eligible(idNumber);
	}

	@Transactional
	Enrollment enrol(UUID classId, RegisteredPerson person) {
		TrainingClass trainingClass = this.classes.lock(classId);
		requireOpen(trainingClass);
		Caller.current().requireTownship(person.townshipCode());
		List<Enrollment> created = this.enrollments.insertNew(classId, List.of(person));
		if (created.isEmpty()) {
			throw ApiException.conflict("already-enrolled", "This person is already enrolled in the class.");
		}
		Enrollment enrollment = created.get(0);
		this.outbox.append(TraineeEnrolled.of(enrollment, trainingClass.category(), trainingClass.year()));
		this.audit.record("training.trainee.enrolled", "TrainingClass", classId,
				Map.of("enrollmentId", enrollment.id(), "migrantId", enrollment.migrantId()));
		return enrollment;
	}

	/**
	 * Enrols a checked chunk of a list in one transaction.
	 * @return how many were enrolled; the others were enrolled already
	 */
	@Transactional
	int enrolAll(UUID classId, Collection<RegisteredPerson> persons) {
		TrainingClass trainingClass = this.classes.lock(classId);
		requireOpen(trainingClass);
		Caller caller = Caller.current();
		persons.forEach((p) -> caller.requireTownship(p.townshipCode()));
		List<Enrollment> created = this.enrollments.insertNew(classId, persons);
		this.outbox.appendAll(created.stream()
			.map((e) -> TraineeEnrolled.of(e, trainingClass.category(), trainingClass.year()))
			.toList());
		if (!created.isEmpty()) {
			this.audit.record("training.trainees.enrolled", "TrainingClass", classId, Map.of("count", created.size()));
		}
		return created.size();
	}

	/**
	 * Records a chunk of a completion list.
	 * @return the ID numbers recorded as completed; the others are not enrolled
	 */
	@Transactional
	Set<String> recordCompletions(UUID classId, List<Enrollments.CompletionRow> rows) {
		TrainingClass trainingClass = this.classes.lock(classId);
		requireOpen(trainingClass);
		Set<String> completed = this.enrollments.markCompleted(classId, rows);
		if (!completed.isEmpty()) {
			this.audit.record("training.trainees.completed", "TrainingClass", classId,
					Map.of("count", completed.size()));
		}
		return completed;
	}

	/** Changes one trainee's attendance, certificate number or completion. */
	@Transactional
	Enrollment update(UUID classId, UUID enrollmentId, long expectedVersion, UpdateTrainee command) {
		TrainingClass trainingClass = this.classes.lock(classId);
		Enrollment current = this.enrollments.find(classId, enrollmentId)
			.orElseThrow(() -> ApiException.notFound("Enrolment", enrollmentId));
		if (current.version() != expectedVersion) {
			throw ApiException
				.preconditionFailed("The enrolment was changed by someone else; read it again and retry.");
		}
		boolean open = trainingClass.isOpen();
		if (!open && (command.completed() != null || command.attendedDays() != null)) {
			throw ApiException.conflict("class-not-open", "The class is " + trainingClass.status()
					+ ": attendance and completion can no longer change, only certificate numbers.");
		}
		if (command.attendedDays() != null && command.attendedDays() > classDays(trainingClass)) {
			throw ApiException.invalid("attendedDays",
					"must be at most the " + classDays(trainingClass) + " days of the class");
		}
		EnrollmentStatus status = current.status();
		if (command.completed() != null) {
			status = command.completed() ? EnrollmentStatus.COMPLETED : EnrollmentStatus.ENROLLED;
		}
		if (command.certificateNo() != null && status != EnrollmentStatus.COMPLETED) {
			throw ApiException.conflict("not-completed", "Only a trainee who completed the class gets a certificate.");
		}
		Enrollment changed = new Enrollment(current.id(), classId, current.idNumber(), current.migrantId(),
				current.name(), current.householdId(), current.townshipCode(), status,
				(command.attendedDays() != null) ? command.attendedDays() : current.attendedDays(),
				(command.certificateNo() != null) ? command.certificateNo() : current.certificateNo(),
				current.version());
		ETags.requireUpdated(this.enrollments.update(changed, expectedVersion));
		this.audit.record("training.trainee.updated", "TrainingClass", classId,
				Map.of("enrollmentId", enrollmentId, "status", status.name()));
		return this.enrollments.find(classId, enrollmentId).orElseThrow();
	}

	/**
	 * Completes (结业) a class: the listed trainees, with those already recorded, have
	 * completed it; the others have not.
	 */
	@Transactional
	TrainingClass complete(UUID classId, List<String> completedIdNumbers, LocalDate completedOn) {
		TrainingClass trainingClass = this.classes.lock(classId);
		requireOpen(trainingClass);
		LocalDate today = LocalDate.now(this.clock);
		if (today.isBefore(trainingClass.endDate())) {
			throw ApiException.conflict("class-not-ended",
					"The class runs until " + trainingClass.endDate() + "; it can be completed from that day.");
		}
		LocalDate on = (completedOn != null) ? completedOn : trainingClass.endDate();
		if (on.isBefore(trainingClass.startDate()) || on.isAfter(today)) {
			throw ApiException.invalid("completedOn", "must be between the class's start date and today");
		}
		Set<String> enrolled = this.enrollments.enrolled(classId, completedIdNumbers);
		List<ApiException.FieldError> notEnrolled = new ArrayList<>();
		for (int i = 0; i < completedIdNumbers.size(); i++) {
			if (!enrolled.contains(completedIdNumbers.get(i))) {
				notEnrolled
					.add(new ApiException.FieldError("completedIdNumbers[" + i + "]", "is not enrolled in this class"));
			}
		}
		if (!notEnrolled.isEmpty()) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "not-enrolled",
					"Only trainees enrolled in the class can complete it; nothing was changed.", notEnrolled, null);
		}
		this.enrollments.settle(classId, completedIdNumbers);
		List<Enrollment> completed = this.enrollments.completed(classId);
		if (completed.isEmpty()) {
			throw ApiException.conflict("no-completed-trainees",
					"Nobody has completed the class; record the trainees who completed it, or cancel the class.");
		}
		this.classes.changeStatus(classId, ClassStatus.COMPLETED, on);
		TrainingClass done = this.classes.get(classId);
		this.outbox.append(new TrainingClassCompleted(classId, done.category(), done.title(), done.year(),
				done.startDate(), done.endDate(), on, done.enrolled(), done.completed(),
				completed.stream()
					.map((e) -> new TrainingClassCompleted.CompletedTrainee(e.migrantId(), e.idNumber(),
							e.townshipCode(), e.certificateNo()))
					.toList()));
		this.audit.record("training.class.completed", "TrainingClass", classId,
				Map.of("completedOn", on.toString(), "personsCompleted", done.completed()));
		return done;
	}

	private static void requireOpen(TrainingClass trainingClass) {
		if (!trainingClass.isOpen()) {
			throw ApiException.conflict("class-not-open",
					"The class is " + trainingClass.status() + ": its trainee list can no longer change.");
		}
	}

	private static long classDays(TrainingClass c) {
		return ChronoUnit.DAYS.between(c.startDate(), c.endDate()) + 1;
	}

	/**
	 * A change of one trainee; {@code null} fields stay as they are.
	 *
	 * @param attendedDays days attended
	 * @param certificateNo certificate number
	 * @param completed whether the trainee completed the class
	 */
	record UpdateTrainee(Integer attendedDays, String certificateNo, Boolean completed) {
	}

}
