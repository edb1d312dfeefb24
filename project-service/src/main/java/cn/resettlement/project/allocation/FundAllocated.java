package cn.resettlement.project.allocation;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** An allocation of funds (资金计划下达) was recorded. */
public record FundAllocated(UUID allocationId, int year, AllocationCategory category, String documentNo, String title,
		long amountFen, LocalDate issuedOn) implements DomainEvent {

	static FundAllocated of(FundAllocation a) {
		return new FundAllocated(a.id(), a.year(), a.category(), a.documentNo(), a.title(), a.amountFen(),
				a.issuedOn());
	}

	@Override
	public String subject() {
		return this.allocationId.toString();
	}

	@Override
	public String aggregateType() {
		return "FundAllocation";
	}

}
