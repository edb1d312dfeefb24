package cn.resettlement.petition.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.resettlement.platform.web.ApiException;

/**
 * 信访件 — one petition (one 批次) and its lifecycle under the 信访工作条例:
 *
 * <pre>
 * REGISTERED ─accept─▶ ACCEPTED ─reply─▶ REPLIED ─close─▶ CLOSED ─requestReview─▶ REVIEW_REQUESTED
 *     │                 │ extend (once)                                              │ decideReview
 *     └─reject─▶ REJECTED                                                              ▼
 *          RE_REVIEWED ◀─decideReview─ RE_REVIEW_REQUESTED ◀─requestReview─ REVIEWED
 * </pre>
 *
 * Every command takes "today" to refuse dates in the future, checks the order of dates,
 * and returns the next state with the event it caused; illegal transitions are 409
 * problems. Instances are never changed: commands return a new petition.
 */
public final class Petition {

	private final UUID id;

	private final String caseNo;

	private final Intake intake;

	private final List<Petitioner> petitioners;

	private final long version;

	private PetitionStatus status;

	private LocalDate acceptDue;

	private LocalDate acceptedOn;

	private LocalDate rejectedOn;

	private String rejectionReason;

	private LocalDate replyDue;

	private Extension extension;

	private LocalDate repliedOn;

	private String resolution;

	private LocalDate closedOn;

	private Satisfaction satisfaction;

	private Review review;

	private Review reReview;

	private String handler;

	private String responsibleLeader;

	private Petition(UUID id, String caseNo, Intake intake, List<Petitioner> petitioners, long version) {
		this.id = id;
		this.caseNo = caseNo;
		this.intake = intake;
		this.petitioners = List.copyOf(petitioners);
		this.version = version;
	}

	/**
	 * A newly registered petition, its acceptance decision due 15 days after receipt.
	 * @param today to refuse a receipt date in the future
	 */
	public static Transition register(UUID id, String caseNo, Intake intake, List<Petitioner> petitioners,
			LocalDate today) {
		notInFuture("receivedOn", intake.receivedOn(), today);
		Petition petition = new Petition(id, caseNo, intake, petitioners, 0);
		petition.status = PetitionStatus.REGISTERED;
		petition.acceptDue = Deadlines.acceptanceDue(intake.receivedOn());
		return new Transition(petition,
				new PetitionRegistered(id, caseNo, intake.receivedOn(), intake.channel(), intake.townshipCode(),
						intake.category(), intake.personCount(), intake.collective(), intake.source(),
						intake.sourceBody(), intake.sourceReference(), intake.repeatOf(), intake.matterId(),
						petitioners.isEmpty(), petitioners.size(), petition.acceptDue));
	}

	/** A petition as stored: every field given, nothing checked. */
	public static Petition restore(UUID id, String caseNo, Intake intake, List<Petitioner> petitioners,
			PetitionStatus status, LocalDate acceptDue, LocalDate acceptedOn, LocalDate rejectedOn,
			String rejectionReason, LocalDate replyDue, Extension extension, LocalDate repliedOn, String resolution,
			LocalDate closedOn, Satisfaction satisfaction, Review review, Review reReview, String handler,
			String responsibleLeader, long version) {
		Petition p = new Petition(id, caseNo, intake, petitioners, version);
		p.status = status;
		p.acceptDue = acceptDue;
		p.acceptedOn = acceptedOn;
		p.rejectedOn = rejectedOn;
		p.rejectionReason = rejectionReason;
		p.replyDue = replyDue;
		p.extension = extension;
		p.repliedOn = repliedOn;
		p.resolution = resolution;
		p.closedOn = closedOn;
		p.satisfaction = satisfaction;
		p.review = review;
		p.reReview = reReview;
		p.handler = handler;
		p.responsibleLeader = responsibleLeader;
		return p;
	}

	/**
	 * 受理: the reply becomes due 60 days after acceptance. A late acceptance is recorded
	 * (and counted as late), not refused.
	 * @param matterFinallyDecided whether the matter was already re-reviewed (复核): then
	 * it is not accepted again
	 */
	public Transition accept(LocalDate on, LocalDate today, boolean matterFinallyDecided) {
		require(PetitionStatus.REGISTERED, "accepted");
		notInFuture("acceptedOn", on, today);
		notBefore("acceptedOn", on, "the date of receipt", this.intake.receivedOn());
		if (matterFinallyDecided) {
			throw ApiException.conflict("matter-finally-decided", "The matter of petition " + this.caseNo
					+ " was already re-reviewed (复核); the same matter is not accepted again. Record a rejection.");
		}
		Petition next = copy();
		next.status = PetitionStatus.ACCEPTED;
		next.acceptedOn = on;
		next.replyDue = Deadlines.replyDue(on);
		return new Transition(next, new PetitionAccepted(this.id, this.caseNo, this.intake.receivedOn(),
				this.intake.channel(), this.intake.townshipCode(), this.intake.category(), this.intake.personCount(),
				this.intake.collective(), this.acceptDue, on, Deadlines.onTime(on, this.acceptDue), next.replyDue));
	}

	/** 不予受理, with the reason told to the petitioner. */
	public Transition reject(LocalDate on, String reason, LocalDate today) {
		require(PetitionStatus.REGISTERED, "rejected");
		notInFuture("decidedOn", on, today);
		notBefore("decidedOn", on, "the date of receipt", this.intake.receivedOn());
		requireText("reason", reason);
		Petition next = copy();
		next.status = PetitionStatus.REJECTED;
		next.rejectedOn = on;
		next.rejectionReason = reason;
		return new Transition(next,
				new PetitionRejected(this.id, this.caseNo, this.intake.receivedOn(), this.intake.channel(),
						this.intake.townshipCode(), this.intake.category(), this.intake.personCount(),
						this.intake.collective(), this.acceptDue, on, Deadlines.onTime(on, this.acceptDue)));
	}

	/**
	 * Extends the reply deadline once, by 1 to 30 days, approved on or before the current
	 * deadline.
	 */
	public Transition extend(int days, String reason, LocalDate on, String approvedBy, LocalDate today) {
		require(PetitionStatus.ACCEPTED, "extended");
		if (days < 1 || days > Deadlines.MAX_EXTENSION_DAYS) {
			throw ApiException.invalid("days", "must be 1 to " + Deadlines.MAX_EXTENSION_DAYS);
		}
		requireText("reason", reason);
		notInFuture("extendedOn", on, today);
		notBefore("extendedOn", on, "the date of acceptance", this.acceptedOn);
		if (this.extension != null) {
			throw ApiException.conflict("already-extended", "Petition " + this.caseNo + " was already extended on "
					+ this.extension.extendedOn() + "; the reply deadline can be extended only once.");
		}
		if (Deadlines.overdue(this.replyDue, on)) {
			throw ApiException.conflict("deadline-passed", "The reply deadline of petition " + this.caseNo + " ("
					+ this.replyDue + ") had passed on " + on + "; an extension is approved before it ends.");
		}
		Petition next = copy();
		next.extension = new Extension(days, reason, on, approvedBy, this.replyDue);
		next.replyDue = Deadlines.extendedReplyDue(this.replyDue, days);
		return new Transition(next,
				new PetitionExtended(this.id, this.caseNo, this.intake.receivedOn(), this.intake.channel(),
						this.intake.townshipCode(), this.intake.category(), this.intake.personCount(),
						this.intake.collective(), this.acceptedOn, days, on, this.replyDue, next.replyDue));
	}

	/** 答复: the written reply was issued. A late reply is recorded and counted as late. */
	public Transition reply(LocalDate on, String resolution, LocalDate today) {
		require(PetitionStatus.ACCEPTED, "replied to");
		notInFuture("repliedOn", on, today);
		notBefore("repliedOn", on, "the date of acceptance", this.acceptedOn);
		requireText("resolution", resolution);
		Petition next = copy();
		next.status = PetitionStatus.REPLIED;
		next.repliedOn = on;
		next.resolution = resolution;
		return new Transition(next,
				new PetitionReplied(this.id, this.caseNo, this.intake.receivedOn(), this.intake.channel(),
						this.intake.townshipCode(), this.intake.category(), this.intake.personCount(),
						this.intake.collective(), this.acceptedOn, this.replyDue, this.extension != null, on,
						Deadlines.onTime(on, this.replyDue)));
	}

	/** 办结 with the petitioner's evaluation of the reply. */
	public Transition close(LocalDate on, Satisfaction evaluation, LocalDate today) {
		require(PetitionStatus.REPLIED, "closed");
		notInFuture("closedOn", on, today);
		notBefore("closedOn", on, "the date of the reply", this.repliedOn);
		if (evaluation == null) {
			throw ApiException.invalid("satisfaction", "is required");
		}
		Petition next = copy();
		next.status = PetitionStatus.CLOSED;
		next.closedOn = on;
		next.satisfaction = evaluation;
		return new Transition(next,
				new PetitionClosed(this.id, this.caseNo, this.intake.receivedOn(), this.intake.channel(),
						this.intake.townshipCode(), this.intake.category(), this.intake.personCount(),
						this.intake.collective(), this.acceptedOn, this.replyDue, this.repliedOn,
						Deadlines.onTime(this.repliedOn, this.replyDue), on, evaluation));
	}

	/**
	 * The petitioner asks for a review: 复查 of a closed petition within 30 days of the
	 * reply, or 复核 of a reviewed one within 30 days of the review decision. Nothing
	 * follows a re-review.
	 */
	public Transition requestReview(LocalDate on, LocalDate today) {
		ReviewLevel level;
		LocalDate basis;
		if (this.status == PetitionStatus.CLOSED) {
			level = ReviewLevel.REVIEW;
			basis = this.repliedOn;
		}
		else if (this.status == PetitionStatus.REVIEWED) {
			level = ReviewLevel.RE_REVIEW;
			basis = this.review.decidedOn();
		}
		else if (this.status == PetitionStatus.RE_REVIEWED) {
			throw ApiException.conflict("finally-decided", "Petition " + this.caseNo
					+ " was re-reviewed (复核); the decision is final and cannot be reviewed again.");
		}
		else {
			throw illegal("reviewed (a review is asked for after the petition is closed)");
		}
		notInFuture("requestedOn", on, today);
		notBefore("requestedOn", on,
				(level == ReviewLevel.REVIEW) ? "the date of the reply" : "the date of the review decision", basis);
		LocalDate lastDay = Deadlines.reviewRequestLastDay(basis);
		if (on.isAfter(lastDay)) {
			throw ApiException.conflict("review-period-expired",
					"A " + ((level == ReviewLevel.REVIEW) ? "review (复查)" : "re-review (复核)") + " of petition "
							+ this.caseNo + " had to be requested by " + lastDay + ".");
		}
		Review requested = new Review(level, on, Deadlines.reviewDecisionDue(on), null, null, null);
		Petition next = copy();
		if (level == ReviewLevel.REVIEW) {
			next.status = PetitionStatus.REVIEW_REQUESTED;
			next.review = requested;
		}
		else {
			next.status = PetitionStatus.RE_REVIEW_REQUESTED;
			next.reReview = requested;
		}
		return new Transition(next,
				new PetitionReviewRequested(this.id, this.caseNo, this.intake.receivedOn(), this.intake.channel(),
						this.intake.townshipCode(), this.intake.category(), this.intake.personCount(),
						this.intake.collective(), level, on, requested.decisionDue()));
	}

	/** Records the decision of the pending review or re-review. */
	public Transition decideReview(LocalDate on, ReviewOutcome outcome, String opinion, LocalDate today) {
		Review pending;
		if (this.status == PetitionStatus.REVIEW_REQUESTED) {
			pending = this.review;
		}
		else if (this.status == PetitionStatus.RE_REVIEW_REQUESTED) {
			pending = this.reReview;
		}
		else {
			throw illegal("given a review decision (no review is pending)");
		}
		notInFuture("decidedOn", on, today);
		notBefore("decidedOn", on, "the date of the request", pending.requestedOn());
		if (outcome == null) {
			throw ApiException.invalid("outcome", "is required");
		}
		requireText("opinion", opinion);
		Review decided = pending.decide(on, outcome, opinion);
		Petition next = copy();
		if (pending.level() == ReviewLevel.REVIEW) {
			next.status = PetitionStatus.REVIEWED;
			next.review = decided;
		}
		else {
			next.status = PetitionStatus.RE_REVIEWED;
			next.reReview = decided;
		}
		return new Transition(next, new PetitionReviewDecided(this.id, this.caseNo, this.intake.receivedOn(),
				this.intake.channel(), this.intake.townshipCode(), this.intake.category(), this.intake.personCount(),
				this.intake.collective(), pending.level(), pending.requestedOn(), pending.decisionDue(), on,
				Deadlines.onTime(on, pending.decisionDue()), outcome, pending.level() == ReviewLevel.RE_REVIEW));
	}

	/** Names the handler (承办人) and the responsible leader (包案领导). */
	public Petition assign(String newHandler, String leader) {
		Petition next = copy();
		next.handler = newHandler;
		next.responsibleLeader = leader;
		return next;
	}

	/** The deadline running now, if any: the next step the centre owes the petitioner. */
	public Optional<Deadline> currentDeadline() {
		return switch (this.status) {
			case REGISTERED -> Optional.of(new Deadline(DeadlineKind.ACCEPTANCE, this.acceptDue));
			case ACCEPTED -> Optional.of(new Deadline(DeadlineKind.REPLY, this.replyDue));
			case REVIEW_REQUESTED -> Optional.of(new Deadline(DeadlineKind.REVIEW, this.review.decisionDue()));
			case RE_REVIEW_REQUESTED -> Optional.of(new Deadline(DeadlineKind.RE_REVIEW, this.reReview.decisionDue()));
			default -> Optional.empty();
		};
	}

	/** Whether the running deadline has passed. */
	public boolean overdueOn(LocalDate today) {
		return currentDeadline().map((d) -> d.overdueOn(today)).orElse(false);
	}

	private Petition copy() {
		return restore(this.id, this.caseNo, this.intake, this.petitioners, this.status, this.acceptDue,
				this.acceptedOn, this.rejectedOn, this.rejectionReason, this.replyDue, this.extension, this.repliedOn,
				this.resolution, this.closedOn, this.satisfaction, this.review, this.reReview, this.handler,
				this.responsibleLeader, this.version);
	}

	private void require(PetitionStatus expected, String verb) {
		if (this.status != expected) {
			throw illegal(verb + " (only a " + expected + " petition can be)");
		}
	}

	private ApiException illegal(String what) {
		return ApiException.conflict("illegal-transition",
				"Petition " + this.caseNo + " is " + this.status + " and cannot be " + what + ".");
	}

	private static void notInFuture(String field, LocalDate date, LocalDate today) {
		if (date == null) {
			throw ApiException.invalid(field, "is required");
		}
		if (date.isAfter(today)) {
			throw ApiException.invalid(field, "must not be in the future");
		}
	}

	private static void notBefore(String field, LocalDate date, String what, LocalDate earliest) {
		if (date.isBefore(earliest)) {
			throw ApiException.invalid(field, "must not be before " + what + " (" + earliest + ")");
		}
	}

	private static void requireText(String field, String text) {
		if (text == null || text.isBlank()) {
			throw ApiException.invalid(field, "is required");
		}
	}

	public UUID id() {
		return this.id;
	}

	public String caseNo() {
		return this.caseNo;
	}

	public Intake intake() {
		return this.intake;
	}

	public List<Petitioner> petitioners() {
		return this.petitioners;
	}

	public long version() {
		return this.version;
	}

	public PetitionStatus status() {
		return this.status;
	}

	public LocalDate acceptDue() {
		return this.acceptDue;
	}

	public LocalDate acceptedOn() {
		return this.acceptedOn;
	}

	public LocalDate rejectedOn() {
		return this.rejectedOn;
	}

	public String rejectionReason() {
		return this.rejectionReason;
	}

	public LocalDate replyDue() {
		return this.replyDue;
	}

	public Extension extension() {
		return this.extension;
	}

	public LocalDate repliedOn() {
		return this.repliedOn;
	}

	public String resolution() {
		return this.resolution;
	}

	public LocalDate closedOn() {
		return this.closedOn;
	}

	public Satisfaction satisfaction() {
		return this.satisfaction;
	}

	public Review review() {
		return this.review;
	}

	public Review reReview() {
		return this.reReview;
	}

	public String handler() {
		return this.handler;
	}

	public String responsibleLeader() {
		return this.responsibleLeader;
	}

}
