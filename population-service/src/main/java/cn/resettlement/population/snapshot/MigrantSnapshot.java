package cn.resettlement.population.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.population.migrant.MigrantCategory;
import cn.resettlement.population.migrant.MigrantStatus;
import cn.resettlement.population.migrant.Sex;

/**
 * The current state of a migrant, re-published for a late subscriber (schema
 * {@code population/MigrantSnapshot.v1.json}). Like the live events, it carries the ID
 * number but never the card account or phone.
 *
 * @param snapshotId the snapshot run
 * @param takenAt when the register was read
 * @param migrantId migrant id (subject and key)
 * @param idNumber ID number
 * @param name name
 * @param sex sex
 * @param birthDate birth date
 * @param householdId household
 * @param householdNo household number
 * @param townshipCode township code
 * @param village village
 * @param relationToHead relation to the head of household
 * @param category cohort
 * @param supportStart first day of the support term
 * @param supportEnd last day of the support term
 * @param activeFrom date from which the person counts as active
 * @param status current status
 * @param statusEffectiveDate effective date of the latest adjustment, if any
 * @param version version of the register record
 */
record MigrantSnapshot(UUID snapshotId, Instant takenAt, UUID migrantId, String idNumber, String name, Sex sex,
		LocalDate birthDate, UUID householdId, String householdNo, String townshipCode, String village,
		String relationToHead, MigrantCategory category, LocalDate supportStart, LocalDate supportEnd,
		LocalDate activeFrom, MigrantStatus status, LocalDate statusEffectiveDate, long version) implements Snapshot {

	@Override
	public String subject() {
		return this.migrantId.toString();
	}

}
