package cn.resettlement.petition.cases;

/** The statutory deadlines a petition can miss, one at a time. */
public enum DeadlineKind {

	/** Acceptance decision within 15 days of receipt. */
	ACCEPTANCE,
	/** Written reply within 60 days of acceptance (+ at most 30 when extended). */
	REPLY,
	/** Review (复查) decision within 30 days of the request. */
	REVIEW,
	/** Re-review (复核) decision within 30 days of the request. */
	RE_REVIEW

}
