package cn.resettlement.subsidy.overpayment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * A recovery claim (追缴) was opened for lines paid for periods after a removal took
 * effect.
 *
 * @param claimId claim id
 * @param migrantId migrant id
 * @param idNumber ID number
 * @param townshipCode township
 * @param cause the removal: DEATH, MOVED_OUT, DUPLICATE or DISQUALIFIED
 * @param adjustmentId population's adjustment
 * @param effectiveDate when the removal took effect
 * @param amountFen amount claimed in fen
 * @param outstandingFen amount still owed in fen
 * @param openedOn date opened
 * @param dueOn date by which it should be recovered (3 months)
 * @param lines the lines claimed back
 */
public record OverpaymentClaimOpened(UUID claimId, UUID migrantId, String idNumber, String townshipCode, String cause,
		UUID adjustmentId, LocalDate effectiveDate, long amountFen, long outstandingFen, LocalDate openedOn,
		LocalDate dueOn, List<ClaimedLine> lines) implements DomainEvent {

	@Override
	public String subject() {
		return this.claimId.toString();
	}

	@Override
	public String aggregateType() {
		return "OverpaymentClaim";
	}

}
