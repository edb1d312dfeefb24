package cn.resettlement.subsidy.policy;

/**
 * The direct-subsidy policy of a year (直补资金政策).
 *
 * @param year calendar year
 * @param annualAmountFen amount per person for the whole year, in fen
 * @param frequency how often it is paid
 * @param version optimistic-locking version
 */
public record SubsidyPolicy(int year, long annualAmountFen, Frequency frequency, long version) {

	/** Whether a period belongs to this policy's year and frequency. */
	public boolean covers(Period period) {
		return period.year() == this.year && period.frequency() == this.frequency;
	}

}
