package cn.resettlement.training.integration;

import java.util.UUID;

/**
 * A person in the population register: a registered migrant, which includes every
 * registered member of a migrant household.
 *
 * @param idNumber ID number
 * @param migrantId the person's id in population-service
 * @param name name
 * @param householdId the migrant household
 * @param townshipCode 9-digit township code
 * @param active whether the person is still in the register (not removed by an
 * adjustment)
 */
public record RegisteredPerson(String idNumber, UUID migrantId, String name, UUID householdId, String townshipCode,
		boolean active) {
}
