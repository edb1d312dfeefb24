package cn.resettlement.petition.cases;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * The petition was closed (办结) with the petitioner's evaluation. Like every petition
 * event it repeats the facts a subscriber counts by (receipt date, channel, township,
 * category, persons), so none needs an earlier event to count it.
 */
public record PetitionClosed(UUID petitionId, String caseNo, LocalDate receivedOn, Channel channel, String townshipCode,
		Category category, int personCount, boolean collective, LocalDate acceptedOn, LocalDate replyDue,
		LocalDate repliedOn, boolean repliedOnTime, LocalDate closedOn,
		Satisfaction satisfaction) implements DomainEvent {

	@Override
	public String subject() {
		return this.petitionId.toString();
	}

	@Override
	public String aggregateType() {
		return "Petition";
	}

}
