package cn.resettlement.population.migrant;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** A dynamic adjustment changed a migrant's status (free-text reasons stay internal). */
public record MigrantAdjusted(UUID adjustmentId, UUID migrantId, String idNumber, String townshipCode,
		AdjustmentType type, LocalDate effectiveDate, LocalDate decidedOn, String documentNo,
		MigrantStatus previousStatus, MigrantStatus newStatus) implements DomainEvent {

	@Override
	public String subject() {
		return this.migrantId.toString();
	}

	@Override
	public String aggregateType() {
		return "Migrant";
	}

}
