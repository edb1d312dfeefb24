package cn.resettlement.subsidy.policy;

import java.time.LocalDate;

/**
 * The eligibility rule of the direct subsidy, in one replaceable place (a bean: declare a
 * {@code @Primary} {@code EligibilityPolicy} bean to change the rule). Batch generation,
 * re-issues and overpayment detection all ask it.
 */
public interface EligibilityPolicy {

	/**
	 * The date whose status decides a period: a person is paid for the period when active
	 * on it, and a removal taking effect on or before it excludes the period. The roster
	 * of a period's batch is read as of this date.
	 */
	LocalDate decisiveDate(Period period);

	/**
	 * What a person active on the decisive date is owed for the period.
	 * @param period the period
	 * @param annualAmountFen the year's annual amount per person
	 * @param supportStart first day of the person's support term
	 * @param supportEnd last day of the person's support term
	 * @return months and amount; {@link Entitlement#NONE} when nothing is owed
	 */
	Entitlement entitlement(Period period, long annualAmountFen, LocalDate supportStart, LocalDate supportEnd);

}
