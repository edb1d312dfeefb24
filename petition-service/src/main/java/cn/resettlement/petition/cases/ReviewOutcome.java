package cn.resettlement.petition.cases;

/** What a review or re-review decided about the earlier handling. */
public enum ReviewOutcome {

	/** 维持 — the earlier handling stands. */
	UPHELD,
	/** 变更/撤销 — the earlier handling is changed or set aside. */
	REVISED

}
