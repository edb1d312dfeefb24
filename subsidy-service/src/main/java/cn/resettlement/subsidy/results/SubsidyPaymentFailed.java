package cn.resettlement.subsidy.results;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * The bank returned one line unpaid (支付退票).
 *
 * @param lineId line id
 * @param batchId batch id
 * @param lineRef the bank's reference of the line
 * @param migrantId migrant id
 * @param idNumber ID number
 * @param townshipCode township
 * @param year year of the period
 * @param period period code
 * @param amountFen amount not paid in fen
 * @param reason the bank's reason
 * @param recordedOn date the failure was recorded
 * @param reissueOf the failed line this one re-issued, if any
 */
public record SubsidyPaymentFailed(UUID lineId, UUID batchId, String lineRef, UUID migrantId, String idNumber,
		String townshipCode, int year, String period, long amountFen, String reason, LocalDate recordedOn,
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
