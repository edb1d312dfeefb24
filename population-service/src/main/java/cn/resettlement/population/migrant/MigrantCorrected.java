package cn.resettlement.population.migrant;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** Registered data was corrected; the values after the correction, and what changed. */
public record MigrantCorrected(UUID migrantId, String idNumber, String previousIdNumber, String name, UUID householdId,
		String townshipCode, MigrantCategory category, LocalDate supportStart, LocalDate supportEnd,
		List<String> changedFields) implements DomainEvent {

	@Override
	public String subject() {
		return this.migrantId.toString();
	}

	@Override
	public String aggregateType() {
		return "Migrant";
	}

}
