package cn.resettlement.subsidy.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.subsidy.policy.Period;

/**
 * A disbursement batch (发放批次).
 *
 * @param id batch id
 * @param batchNo human number, the prefix of its line references
 * @param year year of the period
 * @param period period code
 * @param kind regular or supplementary
 * @param parentBatchId for a supplementary batch, the batch whose failed lines it
 * re-issues
 * @param asOf the roster date
 * @param annualAmountFen annual amount of the year's policy
 * @param status lifecycle status
 * @param jobId generation job, when generated as a job
 * @param rosterTotal persons on the roster read
 * @param counts line counts and amounts
 * @param alreadyCovered roster persons skipped: already in a batch of the period
 * @param withoutCard roster persons skipped: no card account registered
 * @param notPayable roster persons skipped: nothing owed for the period
 * @param failureMessage why generation failed
 * @param createdBy who generated it
 * @param createdAt when
 * @param approvedBy who approved it
 * @param approvedAt when
 * @param exportedBy who exported the bank file first
 * @param exportedAt when
 * @param closedBy who closed it
 * @param closedAt when
 * @param version optimistic-locking version
 */
public record Batch(UUID id, long batchNo, int year, String period, BatchKind kind, UUID parentBatchId, LocalDate asOf,
		long annualAmountFen, BatchStatus status, UUID jobId, Long rosterTotal, Counts counts, int alreadyCovered,
		int withoutCard, int notPayable, String failureMessage, String createdBy, Instant createdAt, String approvedBy,
		Instant approvedAt, String exportedBy, Instant exportedAt, String closedBy, Instant closedAt, long version) {

	public Period parsedPeriod() {
		return Period.parse(this.period);
	}

	/** Prefix of this batch's line references: {@code B<batchNo>-}. */
	public String lineRefPrefix() {
		return "B" + this.batchNo + "-";
	}

	/**
	 * The id of a line: the batch id with the line number in its last 32 bits, so a
	 * batch's line ids ascend with their numbers (ordered index writes).
	 */
	public static UUID lineId(UUID batchId, int lineNo) {
		return new UUID(batchId.getMostSignificantBits(),
				(batchId.getLeastSignificantBits() & 0xFFFFFFFF00000000L) | (lineNo & 0xFFFFFFFFL));
	}

	/** The bank's reference of a line: {@code B12-000345}. */
	public String lineRef(int lineNo) {
		return lineRefPrefix() + String.format("%06d", lineNo);
	}

	/**
	 * Lines and amounts.
	 *
	 * @param lines lines in the batch
	 * @param totalFen their total
	 * @param paid lines paid
	 * @param paidFen amount paid
	 * @param failed lines failed
	 * @param failedFen amount failed
	 */
	public record Counts(int lines, long totalFen, int paid, long paidFen, int failed, long failedFen) {

		public int pending() {
			return this.lines - this.paid - this.failed;
		}

	}

}
