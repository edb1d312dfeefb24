package cn.resettlement.subsidy.overpayment;

import java.util.UUID;

/**
 * A paid line in a recovery claim.
 *
 * @param lineId line id
 * @param batchId its batch
 * @param period period code
 * @param amountFen amount claimed back in fen
 */
public record ClaimedLine(UUID lineId, UUID batchId, String period, long amountFen) {
}
