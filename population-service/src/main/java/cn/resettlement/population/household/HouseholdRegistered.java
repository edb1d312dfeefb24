package cn.resettlement.population.household;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/** A household was entered in the register. */
public record HouseholdRegistered(UUID householdId, String householdNo, String townshipCode, String village,
		String reservoir, AreaType areaType, LocalDate relocatedOn) implements DomainEvent {

	public static HouseholdRegistered of(Household h) {
		return new HouseholdRegistered(h.id(), h.householdNo(), h.townshipCode(), h.village(), h.reservoir(),
				h.areaType(), h.relocatedOn());
	}

	@Override
	public String subject() {
		return this.householdId.toString();
	}

	@Override
	public String aggregateType() {
		return "Household";
	}

}
