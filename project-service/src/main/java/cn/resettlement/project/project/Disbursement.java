package cn.resettlement.project.project;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 拨付 — money paid to a project.
 *
 * @param id disbursement id
 * @param projectId project
 * @param amountFen amount in fen
 * @param paidOn payment date
 * @param voucherNo the finance office's voucher number (凭证号)
 * @param sources the allocations it was paid from
 */
public record Disbursement(UUID id, UUID projectId, long amountFen, LocalDate paidOn, String voucherNo,
		List<AllocationShare> sources) {
}
