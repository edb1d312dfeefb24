package cn.resettlement.subsidy.batch;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * A batch was approved by a second person and may go to the bank.
 *
 * @param batchId batch id
 * @param batchNo batch number
 * @param kind REGULAR or SUPPLEMENTARY
 * @param parentBatchId for a supplementary batch, the batch it re-issues
 * @param year year of the period
 * @param period period code
 * @param periodStart first day of the period
 * @param periodEnd last day of the period
 * @param lines number of lines
 * @param totalAmountFen total of the lines in fen
 * @param createdBy who generated it
 * @param approvedBy who approved it
 * @param approvedOn date of the approval
 */
public record SubsidyBatchApproved(UUID batchId, long batchNo, BatchKind kind, UUID parentBatchId, int year,
		String period, LocalDate periodStart, LocalDate periodEnd, int lines, long totalAmountFen, String createdBy,
		String approvedBy, LocalDate approvedOn) implements DomainEvent {

	@Override
	public String subject() {
		return this.batchId.toString();
	}

	@Override
	public String aggregateType() {
		return "DisbursementBatch";
	}

}
