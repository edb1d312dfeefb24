package cn.resettlement.petition.cases;

import java.util.UUID;

/**
 * A person named on a petition.
 *
 * @param id petitioner id
 * @param name the name given
 * @param idNumber resident ID number, or {@code null} when not given
 * @param migrantId the registered migrant with this ID number, once known
 */
public record Petitioner(UUID id, String name, String idNumber, UUID migrantId) {
}
