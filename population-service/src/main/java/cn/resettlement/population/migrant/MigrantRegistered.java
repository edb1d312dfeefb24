package cn.resettlement.population.migrant;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** A person was entered in the register as ACTIVE. The card account does not travel. */
public record MigrantRegistered(UUID migrantId, String idNumber, String name, Sex sex, LocalDate birthDate,
		UUID householdId, String householdNo, String townshipCode, String village, String relationToHead,
		MigrantCategory category, LocalDate supportStart, LocalDate supportEnd, LocalDate activeFrom,
		MigrantStatus status) implements DomainEvent {

	public static MigrantRegistered of(Migrant m) {
		return new MigrantRegistered(m.id(), m.idNumber(), m.name(), m.sex(), m.birthDate(), m.householdId(),
				m.householdNo(), m.townshipCode(), m.village(), m.relationToHead(), m.category(), m.supportStart(),
				m.supportEnd(), m.activeFrom(), m.status());
	}

	@Override
	public String subject() {
		return this.migrantId.toString();
	}

	@Override
	public String aggregateType() {
		return "Migrant";
	}

}
