package cn.resettlement.project.project;

import java.util.UUID;

import cn.resettlement.project.allocation.AllocationCategory;

/**
 * A funding line: money of one allocation assigned to a project.
 *
 * @param id line id
 * @param projectId project
 * @param allocationId allocation it is drawn from
 * @param seq order of the line in the project; disbursements spend lines in this order
 * @param category the allocation's category
 * @param allocationYear the allocation's year
 * @param documentNo the allocation's document number
 * @param amountFen amount drawn, in fen
 * @param spentFen what disbursements took from this line
 * @param releasedFen what a cancellation gave back to the allocation
 */
public record FundingLine(UUID id, UUID projectId, UUID allocationId, int seq, AllocationCategory category,
		int allocationYear, String documentNo, long amountFen, long spentFen, long releasedFen) {

	/** What the line still holds. */
	public long availableFen() {
		return this.amountFen - this.spentFen - this.releasedFen;
	}

	AllocationShare share(long fen) {
		return new AllocationShare(this.allocationId, this.category, this.allocationYear, fen);
	}

}
