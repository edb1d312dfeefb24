package cn.resettlement.petition.cases;

/** What a petition is about: the themes the centre reports on. */
public enum Category {

	/** 宅基地 — homestead land. */
	HOMESTEAD,
	/** 生产生活困难 — hardship in production and daily life. */
	LIVELIHOOD,
	/** 道路建设 — road construction. */
	ROAD,
	/** 落户难 — difficulty registering residence (户口). */
	HOUSEHOLD_REGISTRATION,
	/** 后扶直补 — the post-relocation direct subsidy. */
	SUBSIDY,
	/** Anything else. */
	OTHER

}
