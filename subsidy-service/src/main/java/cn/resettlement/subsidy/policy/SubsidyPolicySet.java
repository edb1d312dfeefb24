package cn.resettlement.subsidy.policy;

import java.util.List;

import cn.resettlement.platform.events.DomainEvent;

/**
 * The policy of a year was set or changed.
 *
 * @param year calendar year
 * @param annualAmountFen amount per person for the whole year, in fen
 * @param frequency payment frequency
 * @param periods the periods of the year
 * @param periodAmountFen amount per person for one full period, in fen
 */
public record SubsidyPolicySet(int year, long annualAmountFen, Frequency frequency, List<String> periods,
		long periodAmountFen) implements DomainEvent {

	@Override
	public String subject() {
		return String.valueOf(this.year);
	}

	@Override
	public String aggregateType() {
		return "SubsidyPolicy";
	}

}
