package cn.resettlement.petition.cases;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * The written reply (答复意见书) was issued. Like every petition event it repeats the facts a
 * subscriber counts by (receipt date, channel, township, category, persons), so none
 * needs an earlier event to count it.
 */
public record PetitionReplied(UUID petitionId, String caseNo, LocalDate receivedOn, Channel channel,
		String townshipCode, Category category, int personCount, boolean collective, LocalDate acceptedOn,
		LocalDate replyDue, boolean extended, LocalDate repliedOn, boolean repliedOnTime) implements DomainEvent {

	@Override
	public String subject() {
		return this.petitionId.toString();
	}

	@Override
	public String aggregateType() {
		return "Petition";
	}

}
