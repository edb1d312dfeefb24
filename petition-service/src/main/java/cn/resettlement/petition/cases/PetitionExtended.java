package cn.resettlement.petition.cases;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * The reply deadline was extended once, by at most 30 days, with the head's approval.
 * Like every petition event it repeats the facts a subscriber counts by (receipt date,
 * channel, township, category, persons), so none needs an earlier event to count it.
 */
public record PetitionExtended(UUID petitionId, String caseNo, LocalDate receivedOn, Channel channel,
		String townshipCode, Category category, int personCount, boolean collective, LocalDate acceptedOn,
		int extensionDays, LocalDate extendedOn, LocalDate previousReplyDue,
		LocalDate replyDue) implements DomainEvent {

	@Override
	public String subject() {
		return this.petitionId.toString();
	}

	@Override
	public String aggregateType() {
		return "Petition";
	}

}
