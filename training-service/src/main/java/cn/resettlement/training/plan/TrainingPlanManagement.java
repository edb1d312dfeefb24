package cn.resettlement.training.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.web.ApiException;

/**
 * Sets a year's training plan: created once, then changed only against the version the
 * client read (If-Match).
 */
@Service
class TrainingPlanManagement {

	static final int EARLIEST_YEAR = 2000;

	private final TrainingPlans plans;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	TrainingPlanManagement(TrainingPlans plans, Outbox outbox, AuditTrail audit, Clock clock) {
		this.plans = plans;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
	}

	void requireYear(int year) {
		int latest = LocalDate.now(this.clock).getYear() + 1;
		if (year < EARLIEST_YEAR || year > latest) {
			throw ApiException.invalid("year", "must be between " + EARLIEST_YEAR + " and " + latest);
		}
	}

	/**
	 * Sets the plan of a year.
	 * @param expectedVersion the version from If-Match, or {@code null} when the client
	 * creates the plan
	 * @return the plan and whether it was created
	 */
	@Transactional
	Outcome set(int year, List<TrainingPlan.Item> items, Long expectedVersion) {
		requireYear(year);
		Optional<Long> current = this.plans.lockVersion(year);
		boolean created;
		if (current.isEmpty()) {
			if (expectedVersion != null) {
				throw ApiException
					.preconditionFailed("There is no plan for " + year + " yet; send it without If-Match.");
			}
			if (!this.plans.create(year)) {
				throw ApiException.conflict("concurrent-update",
						"The plan for " + year + " was created concurrently; read it and retry with If-Match.");
			}
			created = true;
		}
		else {
			if (expectedVersion == null) {
				throw ApiException
					.preconditionRequired("The plan for " + year + " exists: send its ETag in If-Match to change it.");
			}
			if (!current.get().equals(expectedVersion)) {
				throw ApiException.preconditionFailed("The plan was changed by someone else; read it again and retry.");
			}
			this.plans.touch(year);
			created = false;
		}
		List<TrainingPlan.Item> sorted = items.stream()
			.sorted(Comparator.comparing(TrainingPlan.Item::category))
			.toList();
		this.plans.replaceItems(year, sorted);
		this.outbox.append(new TrainingPlanSet(year, sorted));
		this.audit.record("training.plan.set", "TrainingPlan", year, Map.of("categories", sorted.size()));
		return new Outcome(this.plans.find(year).orElseThrow(), created);
	}

	record Outcome(TrainingPlan plan, boolean created) {
	}

}
