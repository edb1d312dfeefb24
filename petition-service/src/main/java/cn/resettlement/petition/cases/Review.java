package cn.resettlement.petition.cases;

import java.time.LocalDate;

/**
 * A review (复查) or re-review (复核) of a petition's handling.
 *
 * @param level review or re-review
 * @param requestedOn date of the petitioner's request
 * @param decisionDue last day for the decision
 * @param decidedOn date of the decision, once decided
 * @param outcome the decision, once decided
 * @param opinion the decision's text (复查/复核意见), once decided
 */
public record Review(ReviewLevel level, LocalDate requestedOn, LocalDate decisionDue, LocalDate decidedOn,
		ReviewOutcome outcome, String opinion) {

	Review decide(LocalDate on, ReviewOutcome decided, String text) {
		return new Review(this.level, this.requestedOn, this.decisionDue, on, decided, text);
	}

}
