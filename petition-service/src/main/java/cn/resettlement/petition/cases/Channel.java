package cn.resettlement.petition.cases;

/** How a petition reached the centre (信访形式). */
public enum Channel {

	/** 来访 — in person. */
	VISIT,
	/** 来信 — by letter. */
	LETTER,
	/** 电话 — by phone. */
	PHONE,
	/** 网上 — through the online petition system. */
	ONLINE

}
