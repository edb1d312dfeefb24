package cn.resettlement.petition.cases;

/**
 * Where a petition stands. Extension is not a status: an extended petition stays ACCEPTED
 * with a later reply deadline.
 */
public enum PetitionStatus {

	/** 登记 — registered, the acceptance decision is due within 15 days. */
	REGISTERED,
	/** 受理 — accepted, being handled; the written reply is due within 60 (+30) days. */
	ACCEPTED,
	/** 不予受理 — not accepted, with a reason. Final. */
	REJECTED,
	/** 答复 — the written reply (答复意见书) was issued. */
	REPLIED,
	/** 办结 — closed with the petitioner's evaluation. */
	CLOSED,
	/** 复查申请 — the petitioner asked for a review; decision due within 30 days. */
	REVIEW_REQUESTED,
	/** 复查 — the review was decided; a re-review may be asked for within 30 days. */
	REVIEWED,
	/** 复核申请 — the petitioner asked for a re-review; decision due within 30 days. */
	RE_REVIEW_REQUESTED,
	/** 复核 — re-reviewed: final; the same matter is not accepted again. */
	RE_REVIEWED

}
