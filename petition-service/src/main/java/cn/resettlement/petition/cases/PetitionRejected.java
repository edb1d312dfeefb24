package cn.resettlement.petition.cases;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * The petition was not accepted (不予受理). The reason is told to the petitioner and stays in
 * the service. Like every petition event it repeats the facts a subscriber counts by
 * (receipt date, channel, township, category, persons), so none needs an earlier event to
 * count it.
 */
public record PetitionRejected(UUID petitionId, String caseNo, LocalDate receivedOn, Channel channel,
		String townshipCode, Category category, int personCount, boolean collective, LocalDate acceptDue,
		LocalDate rejectedOn, boolean decidedOnTime) implements DomainEvent {

	@Override
	public String subject() {
		return this.petitionId.toString();
	}

	@Override
	public String aggregateType() {
		return "Petition";
	}

}
