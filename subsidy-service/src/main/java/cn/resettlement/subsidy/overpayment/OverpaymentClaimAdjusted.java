package cn.resettlement.subsidy.overpayment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * An open claim shrank because the person was reinstated (or re-added) with effect on or
 * before the first day of some claimed periods: those lines are no longer owed.
 *
 * @param claimId claim id
 * @param migrantId migrant id
 * @param idNumber ID number
 * @param townshipCode township
 * @param previousAmountFen amount claimed before, in fen
 * @param amountFen amount claimed now, in fen
 * @param recoveredFen amount recovered so far, in fen
 * @param outstandingFen amount still owed, in fen
 * @param status claim status after the change
 * @param releasedLines the lines no longer claimed
 * @param adjustedOn date of the change
 */
public record OverpaymentClaimAdjusted(UUID claimId, UUID migrantId, String idNumber, String townshipCode,
		long previousAmountFen, long amountFen, long recoveredFen, long outstandingFen, ClaimStatus status,
		List<ClaimedLine> releasedLines, LocalDate adjustedOn) implements DomainEvent {

	@Override
	public String subject() {
		return this.claimId.toString();
	}

	@Override
	public String aggregateType() {
		return "OverpaymentClaim";
	}

}
