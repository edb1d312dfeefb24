package cn.resettlement.subsidy.overpayment;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * What was still owed on a claim was written off (the reason stays internal).
 *
 * @param claimId claim id
 * @param migrantId migrant id
 * @param idNumber ID number
 * @param townshipCode township
 * @param amountFen amount written off in fen
 * @param writtenOffOn date of the write-off
 * @param recoveredTotalFen recovered before the write-off, in fen
 * @param outstandingFen still owed afterwards (0), in fen
 */
public record OverpaymentWrittenOff(UUID claimId, UUID migrantId, String idNumber, String townshipCode, long amountFen,
		LocalDate writtenOffOn, long recoveredTotalFen, long outstandingFen) implements DomainEvent {

	@Override
	public String subject() {
		return this.claimId.toString();
	}

	@Override
	public String aggregateType() {
		return "OverpaymentClaim";
	}

}
