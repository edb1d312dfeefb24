package cn.resettlement.population.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.population.household.AreaType;

/**
 * The current state of a household, re-published for a late subscriber (schema
 * {@code population/HouseholdSnapshot.v1.json}).
 *
 * @param snapshotId the snapshot run
 * @param takenAt when the register was read
 * @param householdId household id (subject and key)
 * @param householdNo household number (户编号)
 * @param townshipCode 9-digit township code
 * @param village village
 * @param reservoir reservoir of origin
 * @param areaType reservoir or resettlement area
 * @param relocatedOn date the relocation was completed
 * @param migrants persons of the household in the register
 * @param activeMigrants persons of the household currently ACTIVE
 */
record HouseholdSnapshot(UUID snapshotId, Instant takenAt, UUID householdId, String householdNo, String townshipCode,
		String village, String reservoir, AreaType areaType, LocalDate relocatedOn, long migrants,
		long activeMigrants) implements Snapshot {

	@Override
	public String subject() {
		return this.householdId.toString();
	}

}
