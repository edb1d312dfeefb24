package cn.resettlement.training.trainingclass;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.web.ApiException;

/** Opens and cancels training classes. */
@Service
public class TrainingClassManagement {

	static final int EARLIEST_YEAR = 2000;

	private static final long LONGEST_CLASS_DAYS = 366;

	private final TrainingClasses classes;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	TrainingClassManagement(TrainingClasses classes, Outbox outbox, AuditTrail audit, Clock clock) {
		this.classes = classes;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public TrainingClass open(OpenClass command) {
		int latestYear = LocalDate.now(this.clock).getYear() + 1;
		if (command.year() < EARLIEST_YEAR || command.year() > latestYear) {
			throw ApiException.invalid("year", "must be between " + EARLIEST_YEAR + " and " + latestYear);
		}
		if (command.endDate().isBefore(command.startDate())) {
			throw ApiException.invalid("endDate", "must not be before startDate");
		}
		if (command.endDate().getYear() != command.year()) {
			throw ApiException.invalid("year",
					"must be the year the class ends in (" + command.endDate().getYear() + "): a class counts there");
		}
		if (ChronoUnit.DAYS.between(command.startDate(), command.endDate()) >= LONGEST_CLASS_DAYS) {
			throw ApiException.invalid("endDate", "a class lasts at most a year");
		}
		TrainingClass created = new TrainingClass(UUID.randomUUID(), command.category(), command.title(),
				command.year(), command.startDate(), command.endDate(), command.location(), command.provider(),
				command.budgetFen(), 0, ClassStatus.OPEN, null, 0, 0, 0);
		this.classes.insert(created);
		this.outbox.append(TrainingClassOpened.of(created));
		this.audit.record("training.class.opened", "TrainingClass", created.id(), Map.of("category",
				created.category().name(), "year", created.year(), "budgetFen", created.budgetFen()));
		return this.classes.get(created.id());
	}

	@Transactional
	public TrainingClass cancel(UUID classId, String reason) {
		TrainingClass current = this.classes.lock(classId);
		if (!current.isOpen()) {
			throw ApiException.conflict("class-not-open",
					"Only an open class can be cancelled; this one is " + current.status() + ".");
		}
		if (current.disbursedFen() > 0) {
			throw ApiException.conflict("funds-disbursed",
					"Funds were disbursed to this class; it cannot be cancelled.");
		}
		LocalDate today = LocalDate.now(this.clock);
		this.classes.changeStatus(classId, ClassStatus.CANCELLED, null);
		this.outbox
			.append(new TrainingClassCancelled(classId, current.category(), current.year(), today, current.enrolled()));
		this.audit.record("training.class.cancelled", "TrainingClass", classId, Map.of("reason", reason));
		return this.classes.get(classId);
	}

	/** What opening a class needs; the budget is already in fen. */
	public record OpenClass(TrainingCategory category, String title, int year, LocalDate startDate, LocalDate endDate,
			String location, String provider, long budgetFen) {
	}

}
