package cn.resettlement.petition.cases;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What was recorded when a petition came in.
 *
 * @param receivedOn date of receipt (the acceptance deadline counts from it)
 * @param channel how it came in
 * @param source own, forwarded (转送) or assigned (交办)
 * @param sourceBody the forwarding or assigning body, for TRANSFERRED and ASSIGNED
 * @param sourceReference that body's reference number (文号/编号)
 * @param personCount persons who came (人次 of this 批次)
 * @param townshipCode 9-digit township the matter belongs to
 * @param category what it is about
 * @param summary the petitioner's requests in brief
 * @param repeatOf an earlier petition on the same matter, or {@code null}
 * @param matterId the first petition of the matter (this one's id when it is not a
 * repeat)
 */
public record Intake(LocalDate receivedOn, Channel channel, Source source, String sourceBody, String sourceReference,
		int personCount, String townshipCode, Category category, String summary, UUID repeatOf, UUID matterId) {

	/** Persons at or above which a visit counts as collective (集体访). */
	public static final int COLLECTIVE_PERSONS = 5;

	/** 集体访: five or more persons. */
	public boolean collective() {
		return this.personCount >= COLLECTIVE_PERSONS;
	}

	/** 重复信访: a repeat of an earlier petition. */
	public boolean repeat() {
		return this.repeatOf != null;
	}

}
