package cn.resettlement.project.allocation;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.Money;

/**
 * 资金计划下达 — funds allocated to the county for a year and category by a document (文号).
 * Projects draw funding lines from it; what is drawn never exceeds the amount.
 *
 * @param id allocation id
 * @param year plan year
 * @param category fund line
 * @param documentNo number of the allocating document (文号)
 * @param title title of the allocation
 * @param amountFen amount allocated, in fen
 * @param drawnFen amount drawn by projects' funding lines, in fen
 * @param issuedOn date of the document
 * @param version optimistic-locking version
 */
public record FundAllocation(UUID id, int year, AllocationCategory category, String documentNo, String title,
		long amountFen, long drawnFen, LocalDate issuedOn, long version) {

	public FundAllocation {
		if (amountFen <= 0) {
			throw new IllegalArgumentException("An allocation's amount must be positive");
		}
		if (drawnFen < 0 || drawnFen > amountFen) {
			throw new IllegalArgumentException("Drawn " + drawnFen + " is outside 0.." + amountFen);
		}
	}

	/** What is left to draw, in fen. */
	public long remainingFen() {
		return this.amountFen - this.drawnFen;
	}

	/**
	 * Draws a funding line.
	 * @throws ApiException 409 when the remaining balance does not cover it
	 */
	public FundAllocation draw(long fen) {
		if (fen <= 0) {
			throw new IllegalArgumentException("A draw must be positive");
		}
		if (fen > remainingFen()) {
			throw overdrawn(this.id, fen, remainingFen());
		}
		return new FundAllocation(this.id, this.year, this.category, this.documentNo, this.title, this.amountFen,
				this.drawnFen + fen, this.issuedOn, this.version + 1);
	}

	/** Gives back what a cancelled project did not spend. */
	public FundAllocation release(long fen) {
		if (fen <= 0 || fen > this.drawnFen) {
			throw new IllegalArgumentException("Cannot release " + fen + " of " + this.drawnFen + " drawn");
		}
		return new FundAllocation(this.id, this.year, this.category, this.documentNo, this.title, this.amountFen,
				this.drawnFen - fen, this.issuedOn, this.version + 1);
	}

	static ApiException overdrawn(UUID id, long requestedFen, long remainingFen) {
		return ApiException.conflict("allocation-overdrawn", "Allocation " + id + " has " + Money.toYuan(remainingFen)
				+ " yuan left; " + Money.toYuan(requestedFen) + " yuan cannot be drawn from it.");
	}

}
