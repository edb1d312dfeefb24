package cn.resettlement.project.project;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** Money was paid out to a project (拨付). */
public record ProjectFundsDisbursed(UUID disbursementId, UUID projectId, String code, ProjectType type,
		String townshipCode, int year, long amountFen, LocalDate paidOn, String voucherNo,
		List<AllocationShare> sources, long disbursedTotalFen, long fundingTotalFen) implements DomainEvent {

	@Override
	public String subject() {
		return this.projectId.toString();
	}

	@Override
	public String aggregateType() {
		return "Project";
	}

}
