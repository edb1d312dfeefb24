package cn.resettlement.petition.overdue;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.petition.cases.Category;
import cn.resettlement.petition.cases.Channel;
import cn.resettlement.petition.cases.DeadlineKind;
import cn.resettlement.petition.cases.PetitionStatus;
import cn.resettlement.platform.events.DomainEvent;

/**
 * A petition passed one of its statutory deadlines without the step it was due for.
 * Published once per petition and deadline, however many detector instances run.
 */
public record PetitionOverdue(UUID petitionId, String caseNo, LocalDate receivedOn, Channel channel,
		String townshipCode, Category category, int personCount, boolean collective, PetitionStatus status,
		DeadlineKind deadline, LocalDate dueOn, LocalDate detectedOn) implements DomainEvent {

	@Override
	public String subject() {
		return this.petitionId.toString();
	}

	@Override
	public String aggregateType() {
		return "Petition";
	}

}
