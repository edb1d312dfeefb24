package cn.resettlement.petition.cases;

import java.time.LocalDate;

/**
 * The time limits of the 信访工作条例 (2022), counted the way Chinese law counts periods in
 * days: the day of the triggering event is not counted, the period ends at the end of its
 * last day ({@code due}), and something done on the due date is on time.
 * <p>
 * Days are <b>calendar days</b>: weekends and public holidays count. The rule that moves
 * a last day falling on a holiday to the next working day is deliberately not applied, so
 * a computed deadline is never later than the statutory one (staff are warned early,
 * never late).
 */
public final class Deadlines {

	/** Acceptance decision (受理/不予受理) within 15 days of receipt (Arts. 22–23). */
	public static final int ACCEPTANCE_DAYS = 15;

	/** Handling and written reply within 60 days of acceptance. */
	public static final int REPLY_DAYS = 60;

	/** One extension of at most 30 days, approved with a reason. */
	public static final int MAX_EXTENSION_DAYS = 30;

	/** 复查 / 复核 requested within 30 days of the reply / the review decision. */
	public static final int REVIEW_REQUEST_DAYS = 30;

	/** 复查 / 复核 decided within 30 days of the request. */
	public static final int REVIEW_DECISION_DAYS = 30;

	private Deadlines() {
	}

	/** Last day for the acceptance decision. */
	public static LocalDate acceptanceDue(LocalDate receivedOn) {
		return receivedOn.plusDays(ACCEPTANCE_DAYS);
	}

	/** Last day for the written reply of a petition accepted on this date. */
	public static LocalDate replyDue(LocalDate acceptedOn) {
		return acceptedOn.plusDays(REPLY_DAYS);
	}

	/**
	 * Last day for the reply after an extension.
	 * @throws IllegalArgumentException when {@code days} is not 1 to 30
	 */
	public static LocalDate extendedReplyDue(LocalDate replyDue, int days) {
		if (days < 1 || days > MAX_EXTENSION_DAYS) {
			throw new IllegalArgumentException("An extension is 1 to " + MAX_EXTENSION_DAYS + " days, not " + days);
		}
		return replyDue.plusDays(days);
	}

	/**
	 * Last day on which a review may be requested: 30 days after the reply (for 复查) or
	 * after the review decision (for 复核).
	 */
	public static LocalDate reviewRequestLastDay(LocalDate decidedOn) {
		return decidedOn.plusDays(REVIEW_REQUEST_DAYS);
	}

	/** Last day for the decision on a review requested on this date. */
	public static LocalDate reviewDecisionDue(LocalDate requestedOn) {
		return requestedOn.plusDays(REVIEW_DECISION_DAYS);
	}

	/** Done on or before the last day. */
	public static boolean onTime(LocalDate doneOn, LocalDate due) {
		return !doneOn.isAfter(due);
	}

	/** A deadline is missed from the day after its last day. */
	public static boolean overdue(LocalDate due, LocalDate today) {
		return today.isAfter(due);
	}

}
