package cn.resettlement.petition.cases;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * The petitioner asked for a review (复查) or re-review (复核) of the handling. Like every
 * petition event it repeats the facts a subscriber counts by (receipt date, channel,
 * township, category, persons), so none needs an earlier event to count it.
 */
public record PetitionReviewRequested(UUID petitionId, String caseNo, LocalDate receivedOn, Channel channel,
		String townshipCode, Category category, int personCount, boolean collective, ReviewLevel level,
		LocalDate requestedOn, LocalDate decisionDue) implements DomainEvent {

	@Override
	public String subject() {
		return this.petitionId.toString();
	}

	@Override
	public String aggregateType() {
		return "Petition";
	}

}
