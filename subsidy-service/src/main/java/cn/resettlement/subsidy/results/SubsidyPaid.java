package cn.resettlement.subsidy.results;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * The bank credited one line to the person's card account (one event per line).
 *
 * @param lineId line id
 * @param batchId batch id
 * @param lineRef the bank's reference of the line
 * @param migrantId migrant id
 * @param idNumber ID number
 * @param townshipCode township
 * @param year year of the period
 * @param period period code
 * @param months months of the period paid for
 * @param amountFen amount paid in fen
 * @param paidOn date of the credit
 * @param reissueOf the failed line this one re-issued, if any
 */
public record SubsidyPaid(UUID lineId, UUID batchId, String lineRef, UUID migrantId, String idNumber,
		String townshipCode, int year, String period, int months, long amountFen, LocalDate paidOn,
		UUID reissueOf) implements DomainEvent {

	@Override
	public String subject() {
		return this.lineId.toString();
	}

	@Override
	public String aggregateType() {
		return "SubsidyLine";
	}

}
