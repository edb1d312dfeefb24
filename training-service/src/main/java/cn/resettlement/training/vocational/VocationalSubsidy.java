package cn.resettlement.training.vocational;

import java.util.UUID;

/**
 * 中长期职业教育补助 — one grant to a student of a migrant household for one academic year.
 *
 * @param id grant id
 * @param idNumber the student's ID number
 * @param migrantId the student's id in population-service
 * @param name the student's name
 * @param householdId the migrant household
 * @param townshipCode township
 * @param school school
 * @param programme programme (专业)
 * @param level level of education
 * @param academicYear academic year, e.g. {@code 2024-2025}
 * @param year the year the grant is paid and counted in
 * @param amountFen amount in fen
 * @param lateClaim a claim for an academic year that ended before {@code year} (往年漏报)
 */
record VocationalSubsidy(UUID id, String idNumber, UUID migrantId, String name, UUID householdId, String townshipCode,
		String school, String programme, VocationalLevel level, String academicYear, int year, long amountFen,
		boolean lateClaim) {
}
