package cn.resettlement.reporting.figures;

import java.util.List;

/** The codes of the event contract, in the order the report lists them. */
public final class Codes {

	/** Fund lines of allocations (资金类别). */
	public static final List<String> FUND_CATEGORIES = List.of("FIRST_BATCH", "WITHIN_600", "KEY_VILLAGE",
			"PROMINENT_ISSUES", "THREE_GORGES", "HARDSHIP_AID", "PROMINENT_ISSUE_PROJECTS", "OTHER");

	/** Project types. */
	public static final List<String> PROJECT_TYPES = List.of("INFRASTRUCTURE", "INDUSTRY", "KEY_VILLAGE",
			"THREE_GORGES", "PROMINENT_ISSUES", "HARDSHIP_AID", "RISK_RELOCATION", "OTHER");

	/** Training categories: the three class categories and the vocational subsidy. */
	public static final List<String> TRAINING_CATEGORIES = List.of("AGRICULTURAL", "EMPLOYMENT", "LEADER",
			"VOCATIONAL");

	/** What petitions are about. */
	public static final List<String> PETITION_CATEGORIES = List.of("HOMESTEAD", "LIVELIHOOD", "ROAD",
			"HOUSEHOLD_REGISTRATION", "SUBSIDY", "OTHER");

	private Codes() {
	}

}
