package cn.resettlement.petition.cases;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * The petition was accepted (受理); the written reply is due by replyDue. Like every
 * petition event it repeats the facts a subscriber counts by (receipt date, channel,
 * township, category, persons), so none needs an earlier event to count it.
 */
public record PetitionAccepted(UUID petitionId, String caseNo, LocalDate receivedOn, Channel channel,
		String townshipCode, Category category, int personCount, boolean collective, LocalDate acceptDue,
		LocalDate acceptedOn, boolean acceptedOnTime, LocalDate replyDue) implements DomainEvent {

	@Override
	public String subject() {
		return this.petitionId.toString();
	}

	@Override
	public String aggregateType() {
		return "Petition";
	}

}
