package cn.resettlement.petition.cases;

import java.time.LocalDate;

/**
 * A deadline running for a petition.
 *
 * @param kind which one
 * @param due its last day
 */
public record Deadline(DeadlineKind kind, LocalDate due) {

	public boolean overdueOn(LocalDate today) {
		return Deadlines.overdue(this.due, today);
	}

}
