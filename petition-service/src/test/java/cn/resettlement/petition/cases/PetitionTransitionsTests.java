package cn.resettlement.petition.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import cn.resettlement.petition.config.Today;
import cn.resettlement.platform.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The lifecycle of a petition, with "today" from an injected clock: legal transitions and
 * the events they cause, and the 409s and 400s of illegal ones.
 */
class PetitionTransitionsTests {

	private static final ZoneId SHAODONG = ZoneId.of("Asia/Shanghai");

	/** 2024-06-30 08:00 in Shaodong. */
	private final Today today = new Today(Clock.fixed(Instant.parse("2024-06-30T00:00:00Z"), ZoneOffset.UTC), SHAODONG);

	private final LocalDate now = this.today.date();

	@Test
	void todayIsTheDateInTheUnitsCalendarNotInUtc() {
		Today earlyMorning = new Today(Clock.fixed(Instant.parse("2024-02-29T17:30:00Z"), ZoneOffset.UTC), SHAODONG);
		assertThat(earlyMorning.date()).isEqualTo(LocalDate.of(2024, 3, 1));
		assertThat(this.now).isEqualTo(LocalDate.of(2024, 6, 30));
	}

	@Test
	void registrationStartsTheFifteenDayAcceptanceDeadlineAndFlagsCollectiveVisits() {
		Transition registered = Petition.register(UUID.randomUUID(), "XF2024-0001", intake(LocalDate.of(2024, 3, 1), 5),
				List.of(), this.now);
		Petition petition = registered.petition();
		assertThat(petition.status()).isEqualTo(PetitionStatus.REGISTERED);
		assertThat(petition.acceptDue()).isEqualTo(LocalDate.of(2024, 3, 16));
		assertThat(petition.currentDeadline())
			.contains(new Deadline(DeadlineKind.ACCEPTANCE, LocalDate.of(2024, 3, 16)));
		PetitionRegistered event = (PetitionRegistered) registered.event();
		assertThat(event.collective()).isTrue();
		assertThat(event.anonymous()).isTrue();
		assertThat(event.acceptDue()).isEqualTo(LocalDate.of(2024, 3, 16));
		assertThat(Petition
			.register(UUID.randomUUID(), "XF2024-0002", intake(LocalDate.of(2024, 3, 1), 4), List.of(), this.now)
			.petition()
			.intake()
			.collective()).as("four persons are not collective").isFalse();
	}

	@Test
	void registrationCarriesNoPetitionerIdentity() {
		UUID migrant = UUID.randomUUID();
		Transition registered = Petition.register(UUID.randomUUID(), "XF2024-0003", intake(LocalDate.of(2024, 3, 1), 3),
				List.of(new Petitioner(UUID.randomUUID(), "李明", "430582198003151236", migrant),
						new Petitioner(UUID.randomUUID(), "王芳", null, null)),
				this.now);
		PetitionRegistered event = (PetitionRegistered) registered.event();
		assertThat(event.namedPetitioners()).isEqualTo(2);
		assertThat(event.anonymous()).isFalse();
		assertThat(event.toString()).doesNotContain("430582198003151236")
			.doesNotContain("李明")
			.doesNotContain(migrant.toString());
	}

	@Test
	void aReceiptDateInTheFutureIsRefused() {
		assertInvalid(() -> Petition.register(UUID.randomUUID(), "XF2024-0004", intake(this.now.plusDays(1), 1),
				List.of(), this.now), "receivedOn");
	}

	@Test
	void acceptanceStartsTheSixtyDayReplyDeadlineAndRecordsWhetherItWasOnTime() {
		Transition accepted = registered(LocalDate.of(2024, 3, 1)).accept(LocalDate.of(2024, 3, 16), this.now, false);
		assertThat(accepted.petition().status()).isEqualTo(PetitionStatus.ACCEPTED);
		assertThat(accepted.petition().replyDue()).isEqualTo(LocalDate.of(2024, 5, 15));
		assertThat(accepted.petition().currentDeadline())
			.contains(new Deadline(DeadlineKind.REPLY, LocalDate.of(2024, 5, 15)));
		PetitionAccepted event = (PetitionAccepted) accepted.event();
		assertThat(event.acceptedOnTime()).isTrue();
		assertThat(event.replyDue()).isEqualTo(LocalDate.of(2024, 5, 15));

		PetitionAccepted late = (PetitionAccepted) registered(LocalDate.of(2024, 3, 1))
			.accept(LocalDate.of(2024, 3, 17), this.now, false)
			.event();
		assertThat(late.acceptedOnTime()).as("a late acceptance is recorded as late").isFalse();
	}

	@Test
	void acceptanceDatesMustFollowReceiptAndNotBeInTheFuture() {
		Petition petition = registered(LocalDate.of(2024, 3, 1));
		assertInvalid(() -> petition.accept(LocalDate.of(2024, 2, 29), this.now, false), "acceptedOn");
		assertInvalid(() -> petition.accept(this.now.plusDays(1), this.now, false), "acceptedOn");
	}

	@Test
	void rejectionNeedsAReasonAndEndsTheDeadlines() {
		Petition petition = registered(LocalDate.of(2024, 3, 1));
		assertInvalid(() -> petition.reject(LocalDate.of(2024, 3, 5), " ", this.now), "reason");
		Transition rejected = petition.reject(LocalDate.of(2024, 3, 5), "不属于本机关职责范围", this.now);
		assertThat(rejected.petition().status()).isEqualTo(PetitionStatus.REJECTED);
		assertThat(rejected.petition().currentDeadline()).isEmpty();
		assertThat(((PetitionRejected) rejected.event()).decidedOnTime()).isTrue();
	}

	@Test
	void theSameMatterIsNotAcceptedAgainAfterReReview() {
		assertConflict(() -> registered(LocalDate.of(2024, 3, 1)).accept(LocalDate.of(2024, 3, 2), this.now, true),
				"matter-finally-decided");
	}

	@Test
	void anExtensionOfAtMostThirtyDaysMovesTheReplyDeadlineOnce() {
		Petition accepted = accepted(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 10));
		assertThat(accepted.replyDue()).isEqualTo(LocalDate.of(2024, 3, 10));
		Transition extended = accepted.extend(30, "情况复杂", LocalDate.of(2024, 3, 1), "张主任", this.now);
		assertThat(extended.petition().replyDue()).isEqualTo(LocalDate.of(2024, 4, 9));
		assertThat(extended.petition().status()).isEqualTo(PetitionStatus.ACCEPTED);
		assertThat(extended.petition().extension().previousDue()).isEqualTo(LocalDate.of(2024, 3, 10));
		PetitionExtended event = (PetitionExtended) extended.event();
		assertThat(event.previousReplyDue()).isEqualTo(LocalDate.of(2024, 3, 10));
		assertThat(event.replyDue()).isEqualTo(LocalDate.of(2024, 4, 9));

		assertConflict(() -> extended.petition().extend(5, "再次延期", LocalDate.of(2024, 3, 20), null, this.now),
				"already-extended");
		assertInvalid(() -> accepted.extend(31, "情况复杂", LocalDate.of(2024, 3, 1), null, this.now), "days");
		assertInvalid(() -> accepted.extend(0, "情况复杂", LocalDate.of(2024, 3, 1), null, this.now), "days");
	}

	@Test
	void anExtensionIsApprovedBeforeTheReplyDeadlineEnds() {
		Petition accepted = accepted(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 10));
		assertThat(accepted.extend(10, "情况复杂", LocalDate.of(2024, 3, 10), null, this.now).petition().replyDue())
			.as("on the last day")
			.isEqualTo(LocalDate.of(2024, 3, 20));
		assertConflict(() -> accepted.extend(10, "情况复杂", LocalDate.of(2024, 3, 11), null, this.now), "deadline-passed");
		assertInvalid(() -> accepted.extend(10, "情况复杂", LocalDate.of(2024, 1, 9), null, this.now), "extendedOn");
	}

	@Test
	void aReplyIsOnTimeUpToTheExtendedDeadline() {
		Petition extended = accepted(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 10))
			.extend(30, "情况复杂", LocalDate.of(2024, 3, 1), null, this.now)
			.petition();
		PetitionReplied onTime = (PetitionReplied) extended.reply(LocalDate.of(2024, 4, 9), "已解决", this.now).event();
		assertThat(onTime.repliedOnTime()).isTrue();
		assertThat(onTime.extended()).isTrue();
		PetitionReplied late = (PetitionReplied) extended.reply(LocalDate.of(2024, 4, 10), "已解决", this.now).event();
		assertThat(late.repliedOnTime()).isFalse();
	}

	@Test
	void closingRecordsTheEvaluationAndEndsTheDeadlines() {
		Petition replied = replied(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 20));
		assertThat(replied.currentDeadline()).as("the petitioner owes the next step").isEmpty();
		assertInvalid(() -> replied.close(LocalDate.of(2024, 2, 19), Satisfaction.SATISFIED, this.now), "closedOn");
		Transition closed = replied.close(LocalDate.of(2024, 2, 25), Satisfaction.BASICALLY_SATISFIED, this.now);
		assertThat(closed.petition().status()).isEqualTo(PetitionStatus.CLOSED);
		PetitionClosed event = (PetitionClosed) closed.event();
		assertThat(event.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
		assertThat(event.acceptedOn()).isEqualTo(LocalDate.of(2024, 1, 10));
		assertThat(event.repliedOnTime()).isTrue();
		assertThat(event.receivedOn()).isEqualTo(LocalDate.of(2024, 1, 2));
	}

	@Test
	void reviewAndReReviewEachHaveThirtyDaysToAskAndThirtyDaysToDecide() {
		Petition closed = closed(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 20));
		assertConflict(() -> closed.requestReview(LocalDate.of(2024, 3, 22), this.now), "review-period-expired");

		Transition requested = closed.requestReview(LocalDate.of(2024, 3, 21), this.now);
		assertThat(requested.petition().status()).isEqualTo(PetitionStatus.REVIEW_REQUESTED);
		assertThat(requested.petition().currentDeadline())
			.contains(new Deadline(DeadlineKind.REVIEW, LocalDate.of(2024, 4, 20)));
		assertThat(((PetitionReviewRequested) requested.event()).level()).isEqualTo(ReviewLevel.REVIEW);

		Transition reviewed = requested.petition()
			.decideReview(LocalDate.of(2024, 4, 20), ReviewOutcome.UPHELD, "维持原处理意见", this.now);
		assertThat(reviewed.petition().status()).isEqualTo(PetitionStatus.REVIEWED);
		PetitionReviewDecided review = (PetitionReviewDecided) reviewed.event();
		assertThat(review.decidedOnTime()).isTrue();
		assertThat(review.finalDecision()).isFalse();

		assertConflict(() -> reviewed.petition().requestReview(LocalDate.of(2024, 5, 21), this.now),
				"review-period-expired");
		Transition reReviewRequested = reviewed.petition().requestReview(LocalDate.of(2024, 5, 20), this.now);
		assertThat(reReviewRequested.petition().status()).isEqualTo(PetitionStatus.RE_REVIEW_REQUESTED);
		assertThat(reReviewRequested.petition().currentDeadline())
			.contains(new Deadline(DeadlineKind.RE_REVIEW, LocalDate.of(2024, 6, 19)));

		Transition reReviewed = reReviewRequested.petition()
			.decideReview(LocalDate.of(2024, 6, 20), ReviewOutcome.UPHELD, "维持复查意见", this.now);
		PetitionReviewDecided reReview = (PetitionReviewDecided) reReviewed.event();
		assertThat(reReview.level()).isEqualTo(ReviewLevel.RE_REVIEW);
		assertThat(reReview.decidedOnTime()).as("one day late").isFalse();
		assertThat(reReview.finalDecision()).isTrue();
		assertThat(reReviewed.petition().status()).isEqualTo(PetitionStatus.RE_REVIEWED);
		assertThat(reReviewed.petition().currentDeadline()).isEmpty();

		assertConflict(() -> reReviewed.petition().requestReview(LocalDate.of(2024, 6, 25), this.now),
				"finally-decided");
	}

	@Test
	void aReviewRequestCannotPrecedeTheReply() {
		Petition closed = closed(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 20));
		assertInvalid(() -> closed.requestReview(LocalDate.of(2024, 2, 19), this.now), "requestedOn");
	}

	@Test
	void illegalTransitionsAreConflicts() {
		Petition registered = registered(LocalDate.of(2024, 3, 1));
		LocalDate day = LocalDate.of(2024, 3, 20);
		assertConflict(() -> registered.reply(day, "答复", this.now), "illegal-transition");
		assertConflict(() -> registered.extend(10, "延期", day, null, this.now), "illegal-transition");
		assertConflict(() -> registered.close(day, Satisfaction.SATISFIED, this.now), "illegal-transition");
		assertConflict(() -> registered.requestReview(day, this.now), "illegal-transition");
		assertConflict(() -> registered.decideReview(day, ReviewOutcome.UPHELD, "意见", this.now), "illegal-transition");

		Petition accepted = accepted(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2));
		assertConflict(() -> accepted.accept(day, this.now, false), "illegal-transition");
		assertConflict(() -> accepted.reject(day, "理由", this.now), "illegal-transition");
		assertConflict(() -> accepted.close(day, Satisfaction.SATISFIED, this.now), "illegal-transition");

		Petition rejected = registered.reject(day, "理由", this.now).petition();
		assertConflict(() -> rejected.accept(day, this.now, false), "illegal-transition");
		assertConflict(() -> rejected.reply(day, "答复", this.now), "illegal-transition");

		Petition replied = replied(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2), day);
		assertConflict(() -> replied.reply(day, "再答复", this.now), "illegal-transition");
		assertConflict(() -> replied.extend(5, "延期", day, null, this.now), "illegal-transition");
		assertConflict(() -> replied.requestReview(day, this.now), "illegal-transition");
	}

	@Test
	void aPetitionIsOverdueFromTheDayAfterItsRunningDeadline() {
		Petition registered = registered(LocalDate.of(2024, 3, 1));
		assertThat(registered.overdueOn(LocalDate.of(2024, 3, 16))).isFalse();
		assertThat(registered.overdueOn(LocalDate.of(2024, 3, 17))).isTrue();
		Petition replied = replied(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 20));
		assertThat(replied.overdueOn(LocalDate.of(2025, 1, 1))).as("no deadline runs after the reply").isFalse();
	}

	private Intake intake(LocalDate receivedOn, int persons) {
		UUID matter = UUID.randomUUID();
		return new Intake(receivedOn, Channel.VISIT, Source.OWN, null, null, persons, "430582101", Category.HOMESTEAD,
				"反映宅基地审批问题", null, matter);
	}

	private Petition registered(LocalDate receivedOn) {
		return Petition.register(UUID.randomUUID(), "XF2024-0100", intake(receivedOn, 2), List.of(), this.now)
			.petition();
	}

	private Petition accepted(LocalDate receivedOn, LocalDate acceptedOn) {
		return registered(receivedOn).accept(acceptedOn, this.now, false).petition();
	}

	private Petition replied(LocalDate receivedOn, LocalDate acceptedOn, LocalDate repliedOn) {
		return accepted(receivedOn, acceptedOn).reply(repliedOn, "已答复", this.now).petition();
	}

	private Petition closed(LocalDate receivedOn, LocalDate acceptedOn, LocalDate repliedOn) {
		return replied(receivedOn, acceptedOn, repliedOn)
			.close(repliedOn.plusDays(3), Satisfaction.DISSATISFIED, this.now)
			.petition();
	}

	private static void assertConflict(ThrowingCallable call, String slug) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(call).satisfies((ex) -> {
			assertThat(ex.status().value()).isEqualTo(409);
			assertThat(ex.slug()).isEqualTo(slug);
		});
	}

	private static void assertInvalid(ThrowingCallable call, String field) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(call).satisfies((ex) -> {
			assertThat(ex.status().value()).isEqualTo(400);
			assertThat(ex.errors()).extracting(ApiException.FieldError::field).containsExactly(field);
		});
	}

}
