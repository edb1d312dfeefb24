package cn.resettlement.population.migrant;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 移民 — a registered person.
 *
 * @param id migrant id
 * @param idNumber 18-character ID number
 * @param name name
 * @param sex derived from the ID number
 * @param birthDate derived from the ID number
 * @param householdId household
 * @param householdNo household number
 * @param townshipCode township of the household
 * @param village village of the household
 * @param relationToHead relation to the head of household
 * @param phone phone number
 * @param cardAccount 一卡通 card account for direct payments
 * @param category cohort
 * @param supportStart first day of the support term
 * @param supportEnd last day of the support term
 * @param activeFrom date from which the person counts as active
 * @param status current status
 * @param version optimistic-locking version
 */
public record Migrant(UUID id, String idNumber, String name, Sex sex, LocalDate birthDate, UUID householdId,
		String householdNo, String townshipCode, String village, String relationToHead, String phone,
		String cardAccount, MigrantCategory category, LocalDate supportStart, LocalDate supportEnd,
		LocalDate activeFrom, MigrantStatus status, long version) {

	public SupportTerm supportTerm() {
		return new SupportTerm(this.supportStart, this.supportEnd);
	}

}
