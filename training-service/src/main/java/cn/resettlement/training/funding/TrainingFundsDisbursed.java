package cn.resettlement.training.funding;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;
import cn.resettlement.training.trainingclass.TrainingCategory;

/**
 * Funds were paid to a class. Reporting sums {@code amountFen} per {@code category} over
 * the classes of {@code classYear}.
 */
public record TrainingFundsDisbursed(UUID disbursementId, UUID classId, TrainingCategory category, int classYear,
		long amountFen, LocalDate paidOn, String voucherNo, boolean overBudget, long disbursedTotalFen,
		long budgetFen) implements DomainEvent {

	@Override
	public String subject() {
		return this.classId.toString();
	}

	@Override
	public String aggregateType() {
		return "TrainingClass";
	}

}
