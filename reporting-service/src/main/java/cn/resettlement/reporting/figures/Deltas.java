package cn.resettlement.reporting.figures;

/**
 * Names of the append-only sums in {@code rm_delta}: amounts in fen and counts, each by
 * the year of its business date.
 */
public final class Deltas {

	/** Registered migrants by the year they became active. */
	public static final String POPULATION_REGISTERED = "population.registered";

	/** Fen paid for periods of the year. */
	public static final String SUBSIDY_PAID_AMOUNT = "subsidy.paidAmount";

	/** Lines paid for periods of the year (re-issues included). */
	public static final String SUBSIDY_PAID_LINES = "subsidy.paidLines";

	/** Distinct persons paid for periods of the year. */
	public static final String SUBSIDY_PAID_PERSONS = "subsidy.paidPersons";

	/** Lines the bank returned unpaid, for periods of the year. */
	public static final String SUBSIDY_FAILED_LINES = "subsidy.failedLines";

	/** Lines of the year with a bank result, not counting re-issues of failed ones. */
	public static final String SUBSIDY_ORIGINAL_LINES = "subsidy.originalLines";

	/** Fen claimed back, by the year the claim was opened. */
	public static final String OVERPAYMENT_OPENED = "overpayment.opened";

	/** Fen no longer claimed (reinstatements), by the year of the change. */
	public static final String OVERPAYMENT_RELEASED = "overpayment.released";

	/** Fen recovered, by the year of recovery. */
	public static final String OVERPAYMENT_RECOVERED = "overpayment.recovered";

	/** Fen written off, by the year of the write-off. */
	public static final String OVERPAYMENT_WRITTEN_OFF = "overpayment.writtenOff";

	private Deltas() {
	}

}
