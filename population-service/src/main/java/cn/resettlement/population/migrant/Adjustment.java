package cn.resettlement.population.migrant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 动态调整 — one change of a migrant's status, with its decision.
 *
 * @param id adjustment id
 * @param migrantId the migrant
 * @param type kind of change
 * @param effectiveDate from when the new status holds
 * @param decidedOn date of the approving decision
 * @param reason why
 * @param documentNo number of the approving document (文号)
 * @param previousStatus status before
 * @param newStatus status after
 * @param createdAt when it was recorded
 * @param createdBy who recorded it
 */
public record Adjustment(UUID id, UUID migrantId, AdjustmentType type, LocalDate effectiveDate, LocalDate decidedOn,
		String reason, String documentNo, MigrantStatus previousStatus, MigrantStatus newStatus, Instant createdAt,
		String createdBy) {
}
