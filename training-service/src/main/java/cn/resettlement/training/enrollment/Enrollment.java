package cn.resettlement.training.enrollment;

import java.util.UUID;

/**
 * A trainee of a class, as the population register knew them when they enrolled.
 *
 * @param id enrolment id
 * @param classId the class
 * @param idNumber ID number
 * @param migrantId the person's id in population-service
 * @param name name
 * @param householdId the migrant household
 * @param townshipCode township
 * @param status status
 * @param attendedDays days attended, when recorded
 * @param certificateNo completion certificate number (结业证书编号), optional
 * @param version optimistic-locking version
 */
record Enrollment(UUID id, UUID classId, String idNumber, UUID migrantId, String name, UUID householdId,
		String townshipCode, EnrollmentStatus status, Integer attendedDays, String certificateNo, long version) {
}
