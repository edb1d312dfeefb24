package cn.resettlement.subsidy.batch;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * Every line of a batch has its result and the batch was closed.
 *
 * @param batchId batch id
 * @param batchNo batch number
 * @param kind REGULAR or SUPPLEMENTARY
 * @param year year of the period
 * @param period period code
 * @param lines number of lines
 * @param totalAmountFen total of the lines in fen
 * @param paidLines lines paid
 * @param paidAmountFen amount paid in fen
 * @param failedLines lines failed
 * @param failedAmountFen amount of the failed lines in fen
 * @param closedOn date of closing
 */
public record SubsidyBatchClosed(UUID batchId, long batchNo, BatchKind kind, int year, String period, int lines,
		long totalAmountFen, int paidLines, long paidAmountFen, int failedLines, long failedAmountFen,
		LocalDate closedOn) implements DomainEvent {

	@Override
	public String subject() {
		return this.batchId.toString();
	}

	@Override
	public String aggregateType() {
		return "DisbursementBatch";
	}

}
