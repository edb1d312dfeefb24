package cn.resettlement.petition.cases;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * A petition (one 批次) was registered. Petitioners' identities do not travel (信访
 * confidentiality): neither names, ID numbers nor the ids of the migrants they are linked
 * to. Like every petition event it repeats the facts a subscriber counts by (receipt
 * date, channel, township, category, persons), so none needs an earlier event to count
 * it.
 */
public record PetitionRegistered(UUID petitionId, String caseNo, LocalDate receivedOn, Channel channel,
		String townshipCode, Category category, int personCount, boolean collective, Source source, String sourceBody,
		String sourceReference, UUID repeatOf, UUID matterId, boolean anonymous, int namedPetitioners,
		LocalDate acceptDue) implements DomainEvent {

	@Override
	public String subject() {
		return this.petitionId.toString();
	}

	@Override
	public String aggregateType() {
		return "Petition";
	}

}
