package cn.resettlement.population.household;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 移民户 — a migrant household.
 *
 * @param id household id
 * @param householdNo household number (户编号), unique within the unit
 * @param townshipCode 9-digit township code
 * @param village village or residents' committee
 * @param reservoir reservoir of origin (水库)
 * @param areaType reservoir or resettlement area
 * @param relocatedOn date the relocation was completed
 * @param address address
 * @param version optimistic-locking version
 */
public record Household(UUID id, String householdNo, String townshipCode, String village, String reservoir,
		AreaType areaType, LocalDate relocatedOn, String address, long version) {
}
