package cn.resettlement.petition.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.resettlement.petition.cases.Category;
import cn.resettlement.petition.cases.Channel;
import cn.resettlement.petition.cases.DeadlineKind;
import cn.resettlement.petition.cases.PetitionStatus;
import cn.resettlement.petition.cases.Satisfaction;
import cn.resettlement.petition.cases.Source;
import cn.resettlement.platform.web.Masking;

/**
 * One line of the ledger (台账). ID numbers are always masked: a ledger is for finding
 * petitions, not for copying numbers.
 *
 * @param missedDeadlines how many deadlines the petition has missed so far
 * @param overdue whether the running deadline has passed
 */
record LedgerEntry(UUID id, String caseNo, LocalDate receivedOn, Channel channel, Source source, String sourceBody,
		String sourceReference, int personCount, boolean collective, String townshipCode, Category category,
		String summary, UUID repeatOf, PetitionStatus status, LocalDate acceptDue, LocalDate acceptedOn,
		LocalDate rejectedOn, LocalDate replyDue, Integer extensionDays, LocalDate repliedOn, LocalDate closedOn,
		Satisfaction satisfaction, String handler, String responsibleLeader, DeadlineKind currentDeadline,
		LocalDate currentDue, boolean overdue, int missedDeadlines, List<Named> petitioners) {

	LedgerEntry withPetitioners(List<Named> named) {
		List<Named> masked = named.stream()
			.map((n) -> new Named(n.name(), Masking.idNumber(n.idNumber()), n.migrantId()))
			.toList();
		return new LedgerEntry(this.id, this.caseNo, this.receivedOn, this.channel, this.source, this.sourceBody,
				this.sourceReference, this.personCount, this.collective, this.townshipCode, this.category, this.summary,
				this.repeatOf, this.status, this.acceptDue, this.acceptedOn, this.rejectedOn, this.replyDue,
				this.extensionDays, this.repliedOn, this.closedOn, this.satisfaction, this.handler,
				this.responsibleLeader, this.currentDeadline, this.currentDue, this.overdue, this.missedDeadlines,
				masked);
	}

	/**
	 * A petitioner in the ledger.
	 *
	 * @param name the name given
	 * @param idNumber the ID number, masked
	 * @param migrantId the linked migrant, if any
	 */
	record Named(String name, String idNumber, UUID migrantId) {
	}

}
