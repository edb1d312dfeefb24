package cn.resettlement.petition.cases;

/** The two levels of review a petitioner may ask for after the reply. */
public enum ReviewLevel {

	/** 复查 — by the body one level up, asked for within 30 days of the reply. */
	REVIEW,
	/**
	 * 复核 — by the body above that, asked for within 30 days of the review decision.
	 * Final.
	 */
	RE_REVIEW

}
