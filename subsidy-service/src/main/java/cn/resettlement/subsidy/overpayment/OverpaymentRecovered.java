package cn.resettlement.subsidy.overpayment;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * Money of a claim was recovered (partial recoveries are separate events).
 *
 * @param claimId claim id
 * @param recoveryId recovery id
 * @param migrantId migrant id
 * @param idNumber ID number
 * @param townshipCode township
 * @param amountFen amount of this recovery in fen
 * @param recoveredOn date of the recovery
 * @param receiptNo receipt number, if any
 * @param recoveredTotalFen recovered so far for the claim, in fen
 * @param outstandingFen still owed, in fen
 * @param status claim status after the recovery
 */
public record OverpaymentRecovered(UUID claimId, UUID recoveryId, UUID migrantId, String idNumber, String townshipCode,
		long amountFen, LocalDate recoveredOn, String receiptNo, long recoveredTotalFen, long outstandingFen,
		ClaimStatus status) implements DomainEvent {

	@Override
	public String subject() {
		return this.claimId.toString();
	}

	@Override
	public String aggregateType() {
		return "OverpaymentClaim";
	}

}
