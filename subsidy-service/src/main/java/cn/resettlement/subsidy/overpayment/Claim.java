package cn.resettlement.subsidy.overpayment;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A recovery claim (追缴): money paid to a person for periods after their removal took
 * effect.
 *
 * @param id claim id
 * @param migrantId migrant id
 * @param idNumber ID number
 * @param name name
 * @param townshipCode township
 * @param village village
 * @param cause the removal type
 * @param adjustmentId population's adjustment
 * @param effectiveDate when the removal took effect
 * @param amountFen amount claimed
 * @param recoveredFen recovered so far
 * @param writtenOffFen written off
 * @param status status
 * @param openedOn date opened
 * @param dueOn date due (3 months after opening)
 * @param writeOffReason why the rest was written off
 * @param writtenOffOn date of the write-off
 * @param version optimistic-locking version
 */
public record Claim(UUID id, UUID migrantId, String idNumber, String name, String townshipCode, String village,
		String cause, UUID adjustmentId, LocalDate effectiveDate, long amountFen, long recoveredFen, long writtenOffFen,
		ClaimStatus status, LocalDate openedOn, LocalDate dueOn, String writeOffReason, LocalDate writtenOffOn,
		long version) {

	public long outstandingFen() {
		return (this.status == ClaimStatus.OPEN) ? Math.max(0, this.amountFen - this.recoveredFen - this.writtenOffFen)
				: 0;
	}

}
