package cn.resettlement.training.funding;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 拨付 — a payment of training funds to a class.
 *
 * @param id disbursement id
 * @param classId the class
 * @param amountFen amount in fen
 * @param paidOn payment date
 * @param voucherNo accounting voucher number (凭证号)
 * @param overBudget whether it took the class above its budget (only with a recorded
 * override)
 * @param overrideReason why the budget was exceeded
 */
record Disbursement(UUID id, UUID classId, long amountFen, LocalDate paidOn, String voucherNo, boolean overBudget,
		String overrideReason) {
}
