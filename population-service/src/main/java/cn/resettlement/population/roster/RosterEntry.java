package cn.resettlement.population.roster;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One eligible person on the roster of a date: what a payment line needs.
 *
 * @param migrantId migrant id
 * @param idNumber ID number
 * @param name name
 * @param townshipCode township
 * @param village village
 * @param householdNo household number
 * @param cardAccount 一卡通 card account
 * @param supportStart first day of the support term
 * @param supportEnd last day of the support term
 */
public record RosterEntry(UUID migrantId, String idNumber, String name, String townshipCode, String village,
		String householdNo, String cardAccount, LocalDate supportStart, LocalDate supportEnd) {
}
