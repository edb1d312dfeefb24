package cn.resettlement.petition.cases;

/** Where a petition came from (来源). */
public enum Source {

	/** Received by the centre itself. */
	OWN,
	/** 转送 — forwarded by a petition bureau or another body. */
	TRANSFERRED,
	/** 交办 — assigned by a superior body, which expects a report back. */
	ASSIGNED;

	/** Forwarded and assigned petitions name the issuing body and its reference. */
	public boolean fromAnotherBody() {
		return this != OWN;
	}

}
