package cn.resettlement.training.funding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.Money;
import cn.resettlement.training.trainingclass.ClassStatus;
import cn.resettlement.training.trainingclass.TrainingClass;
import cn.resettlement.training.trainingclass.TrainingClasses;

/**
 * Disburses training funds to classes: never above a class's budget, unless the payment
 * records why (the override and its reason are kept and audited).
 */
@Service
class FundingManagement {

	private static final LocalDate EARLIEST_PAYMENT = LocalDate.of(2000, 1, 1);

	private final TrainingClasses classes;

	private final Disbursements disbursements;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	FundingManagement(TrainingClasses classes, Disbursements disbursements, Outbox outbox, AuditTrail audit,
			Clock clock) {
		this.classes = classes;
		this.disbursements = disbursements;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Disbursement disburse(UUID classId, Disburse command) {
		if (command.paidOn().isAfter(LocalDate.now(this.clock)) || command.paidOn().isBefore(EARLIEST_PAYMENT)) {
			throw ApiException.invalid("paidOn", "must be between " + EARLIEST_PAYMENT + " and today");
		}
		TrainingClass trainingClass = this.classes.lock(classId);
		if (trainingClass.status() == ClassStatus.CANCELLED) {
			throw ApiException.conflict("class-cancelled", "The class was cancelled; no funds can be disbursed to it.");
		}
		if (this.disbursements.voucherUsed(classId, command.voucherNo())) {
			throw ApiException.conflict("duplicate-voucher",
					"Voucher " + command.voucherNo() + " is already recorded for this class.");
		}
		long total = trainingClass.disbursedFen() + command.amountFen();
		boolean overBudget = total > trainingClass.budgetFen();
		if (overBudget && command.overBudgetReason() == null) {
			throw ApiException.conflict("over-budget",
					"Disbursing " + Money.toYuan(command.amountFen()) + " would bring the class to "
							+ Money.toYuan(total) + " yuan, above its budget of "
							+ Money.toYuan(trainingClass.budgetFen())
							+ ". Record an override with overBudgetReason if this is approved.");
		}
		Disbursement disbursement = new Disbursement(UUID.randomUUID(), classId, command.amountFen(), command.paidOn(),
				command.voucherNo(), overBudget, overBudget ? command.overBudgetReason() : null);
		this.disbursements.insert(disbursement);
		this.classes.addDisbursed(classId, command.amountFen());
		this.outbox.append(new TrainingFundsDisbursed(disbursement.id(), classId, trainingClass.category(),
				trainingClass.year(), command.amountFen(), command.paidOn(), command.voucherNo(), overBudget, total,
				trainingClass.budgetFen()));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("disbursementId", disbursement.id());
		details.put("amountFen", command.amountFen());
		details.put("voucherNo", command.voucherNo());
		if (overBudget) {
			details.put("overBudget", true);
			details.put("overrideReason", command.overBudgetReason());
			details.put("budgetFen", trainingClass.budgetFen());
			details.put("disbursedTotalFen", total);
		}
		this.audit.record(overBudget ? "training.funds.disbursed-over-budget" : "training.funds.disbursed",
				"TrainingClass", classId, details);
		return disbursement;
	}

	/**
	 * A payment.
	 *
	 * @param amountFen amount in fen
	 * @param paidOn payment date
	 * @param voucherNo voucher number
	 * @param overBudgetReason why the budget may be exceeded, or {@code null}
	 */
	record Disburse(long amountFen, LocalDate paidOn, String voucherNo, String overBudgetReason) {
	}

}
