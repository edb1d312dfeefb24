package cn.resettlement.subsidy.integration;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One person on population-service's eligible roster (享受后扶人口名册).
 *
 * @param migrantId migrant id
 * @param idNumber ID number
 * @param name name
 * @param townshipCode township
 * @param village village
 * @param householdNo household number
 * @param cardAccount 一卡通 card account, if registered
 * @param supportStart first day of the support term
 * @param supportEnd last day of the support term
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RosterEntry(UUID migrantId, String idNumber, String name, String townshipCode, String village,
		String householdNo, String cardAccount, LocalDate supportStart, LocalDate supportEnd) {
}
