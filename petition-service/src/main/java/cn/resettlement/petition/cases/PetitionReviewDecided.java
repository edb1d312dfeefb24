package cn.resettlement.petition.cases;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.events.DomainEvent;

/**
 * A review (复查) or re-review (复核) was decided; a re-review is final. Like every petition
 * event it repeats the facts a subscriber counts by (receipt date, channel, township,
 * category, persons), so none needs an earlier event to count it.
 */
public record PetitionReviewDecided(UUID petitionId, String caseNo, LocalDate receivedOn, Channel channel,
		String townshipCode, Category category, int personCount, boolean collective, ReviewLevel level,
		LocalDate requestedOn, LocalDate decisionDue, LocalDate decidedOn, boolean decidedOnTime, ReviewOutcome outcome,
		boolean finalDecision) implements DomainEvent {

	@Override
	public String subject() {
		return this.petitionId.toString();
	}

	@Override
	public String aggregateType() {
		return "Petition";
	}

}
