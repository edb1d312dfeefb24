package cn.resettlement.population.migrant;

import java.time.LocalDate;

/**
 * The 20-year post-relocation support term (后期扶持期限). Relocated on or before 2006-06-30:
 * 20 years from 2006-07-01 (ends 2026-06-30). Relocated later: 20 years from the first
 * day of the month the move was completed. Start and end are kept per person because
 * policy changes move them.
 *
 * @param start first day of support
 * @param end last day of support (inclusive)
 */
public record SupportTerm(LocalDate start, LocalDate end) {

	/** The policy's cut-over: 2006-07-01. */
	public static final LocalDate POLICY_START = LocalDate.of(2006, 7, 1);

	public static final int YEARS = 20;

	public SupportTerm {
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("A support term cannot end before it starts");
		}
	}

	public static SupportTerm forRelocation(LocalDate relocatedOn) {
		LocalDate start = relocatedOn.isBefore(POLICY_START) ? POLICY_START : relocatedOn.withDayOfMonth(1);
		return new SupportTerm(start, start.plusYears(YEARS).minusDays(1));
	}

	public static MigrantCategory categoryFor(LocalDate relocatedOn) {
		return relocatedOn.isBefore(POLICY_START) ? MigrantCategory.ORIGINAL : MigrantCategory.NEW;
	}

	public boolean covers(LocalDate date) {
		return !date.isBefore(this.start) && !date.isAfter(this.end);
	}

}
