package cn.resettlement.petition.cases;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.petition.config.Today;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.ETags;
import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.platform.web.Masking;

/**
 * Petitions: register, read one, and the lifecycle commands. Every command answers with
 * the petition as it now is and its ETag; an optional If-Match makes a command fail with
 * 412 when the petition changed since it was read. Lists, the year summary and the export
 * are in the ledger.
 */
@RestController
@RequestMapping("/api/v1/petitions")
class PetitionController {

	static final String BASE = "/api/v1/petitions";

	/** One line of text: no control characters. */
	private static final String LINE = "[^\\p{Cntrl}]*";

	/** Several lines of text: line breaks and tabs, no other control characters. */
	private static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

	private final PetitionManagement management;

	private final Petitions petitions;

	private final Idempotency idempotency;

	private final Today today;

	PetitionController(PetitionManagement management, Petitions petitions, Idempotency idempotency, Today today) {
		this.management = management;
		this.petitions = petitions;
		this.idempotency = idempotency;
		this.today = today;
	}

	@PostMapping
	ResponseEntity<?> register(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody RegisterPetitionRequest request) {
		return this.idempotency.execute(key, request, () -> {
			Petition petition = this.management.register(request.toCommand());
			return ResponseEntity.created(URI.create(BASE + "/" + petition.id()))
				.eTag(ETags.of(petition.version()))
				.body(response(petition));
		});
	}

	@GetMapping("/{id}")
	ResponseEntity<PetitionResponse> petition(@PathVariable UUID id) {
		Petition petition = this.petitions.find(id).orElseThrow(() -> ApiException.notFound("Petition", id));
		Caller.current().requireTownship(petition.intake().townshipCode());
		return ResponseEntity.ok().eTag(ETags.of(petition.version())).body(response(petition));
	}

	@PostMapping("/{id}/accept")
	ResponseEntity<?> accept(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody AcceptRequest request) {
		return command(key, request, () -> this.management.accept(id, version(ifMatch), request.acceptedOn()));
	}

	@PostMapping("/{id}/reject")
	ResponseEntity<?> reject(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody RejectRequest request) {
		return command(key, request,
				() -> this.management.reject(id, version(ifMatch), request.decidedOn(), request.reason().trim()));
	}

	@PostMapping("/{id}/extend")
	ResponseEntity<?> extend(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody ExtendRequest request) {
		return command(key, request,
				() -> this.management.extend(id, version(ifMatch), new PetitionManagement.ExtendPetition(request.days(),
						request.reason().trim(), request.extendedOn(), request.approvedBy())));
	}

	@PostMapping("/{id}/reply")
	ResponseEntity<?> reply(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody ReplyRequest request) {
		return command(key, request,
				() -> this.management.reply(id, version(ifMatch), request.repliedOn(), request.resolution().trim()));
	}

	@PostMapping("/{id}/close")
	ResponseEntity<?> close(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody CloseRequest request) {
		return command(key, request,
				() -> this.management.close(id, version(ifMatch), request.closedOn(), request.satisfaction()));
	}

	/** 复查 of a closed petition, or 复核 of a reviewed one. */
	@PostMapping("/{id}/review")
	ResponseEntity<?> requestReview(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody ReviewRequest request) {
		return command(key, request, () -> this.management.requestReview(id, version(ifMatch), request.requestedOn()));
	}

	/** Review decisions come from the reviewing body and are recorded by centre staff. */
	@PostMapping("/{id}/review-decision")
	@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
	ResponseEntity<?> decideReview(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody ReviewDecisionRequest request) {
		return command(key, request, () -> this.management.decideReview(id, version(ifMatch), request.decidedOn(),
				request.outcome(), request.opinion().trim()));
	}

	/** Handler (承办人) and responsible leader (包案领导): centre staff decide. */
	@PutMapping("/{id}/assignment")
	@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
	ResponseEntity<PetitionResponse> assign(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody AssignmentRequest request) {
		Petition petition = this.management.assign(id, ETags.expectedVersion(ifMatch), request.handler(),
				request.responsibleLeader());
		return ResponseEntity.ok().eTag(ETags.of(petition.version())).body(response(petition));
	}

	private ResponseEntity<?> command(String key, Object request, Supplier<Petition> command) {
		return this.idempotency.execute(key, request, () -> {
			Petition petition = command.get();
			return ResponseEntity.ok().eTag(ETags.of(petition.version())).body(response(petition));
		});
	}

	private static Long version(String ifMatch) {
		return (ifMatch != null) ? ETags.expectedVersion(ifMatch) : null;
	}

	private PetitionResponse response(Petition petition) {
		return PetitionResponse.of(petition, Caller.current().seesPersonalData(), this.today.date(),
				this.petitions.missedDeadlines(petition.id()));
	}

	record RegisterPetitionRequest(@NotNull LocalDate receivedOn, @NotNull Channel channel, Source source,
			@Size(max = 100) @Pattern(regexp = LINE) String sourceBody,
			@Size(max = 100) @Pattern(regexp = LINE) String sourceReference,
			@NotNull @Min(1) @Max(10000) Integer personCount,
			@Size(max = 500) List<@NotNull @Valid PetitionerRequest> petitioners,
			@NotNull @Pattern(regexp = "[0-9]{9}", message = "must be a 9-digit township code") String townshipCode,
			@NotNull Category category, @NotBlank @Size(max = 2000) @Pattern(regexp = TEXT) String summary,
			UUID repeatOf) {

		PetitionManagement.RegisterPetition toCommand() {
			List<PetitionManagement.NewPetitioner> named = (this.petitioners != null) ? this.petitioners.stream()
				.map((p) -> new PetitionManagement.NewPetitioner(p.name(), p.idNumber()))
				.toList() : List.of();
			return new PetitionManagement.RegisterPetition(this.receivedOn, this.channel,
					(this.source != null) ? this.source : Source.OWN, this.sourceBody, this.sourceReference,
					this.personCount, named, this.townshipCode, this.category, this.summary, this.repeatOf);
		}

	}

	/**
	 * @param name the name given
	 * @param idNumber resident ID number, optional (never in a URL)
	 */
	record PetitionerRequest(@NotBlank @Size(max = 50) @Pattern(regexp = LINE) String name,
			@Size(max = 30) String idNumber) {
	}

	record AcceptRequest(@NotNull LocalDate acceptedOn) {
	}

	record RejectRequest(@NotNull LocalDate decidedOn,
			@NotBlank @Size(max = 1000) @Pattern(regexp = TEXT) String reason) {
	}

	record ExtendRequest(@NotNull @Min(1) @Max(Deadlines.MAX_EXTENSION_DAYS) Integer days,
			@NotBlank @Size(max = 1000) @Pattern(regexp = TEXT) String reason, LocalDate extendedOn,
			@Size(max = 50) @Pattern(regexp = LINE) String approvedBy) {
	}

	record ReplyRequest(@NotNull LocalDate repliedOn,
			@NotBlank @Size(max = 4000) @Pattern(regexp = TEXT) String resolution) {
	}

	record CloseRequest(@NotNull LocalDate closedOn, @NotNull Satisfaction satisfaction) {
	}

	record ReviewRequest(@NotNull LocalDate requestedOn) {
	}

	record ReviewDecisionRequest(@NotNull LocalDate decidedOn, @NotNull ReviewOutcome outcome,
			@NotBlank @Size(max = 4000) @Pattern(regexp = TEXT) String opinion) {
	}

	record AssignmentRequest(@Size(max = 50) @Pattern(regexp = LINE) String handler,
			@Size(max = 50) @Pattern(regexp = LINE) String responsibleLeader) {
	}

	record PetitionerResponse(String name, String idNumber, UUID migrantId) {
	}

	record DeadlineResponse(DeadlineKind kind, LocalDate due) {
	}

	record PetitionResponse(UUID id, String caseNo, LocalDate receivedOn, Channel channel, Source source,
			String sourceBody, String sourceReference, int personCount, boolean collective, String townshipCode,
			Category category, String summary, UUID repeatOf, UUID matterId, boolean anonymous,
			List<PetitionerResponse> petitioners, PetitionStatus status, LocalDate acceptDue, LocalDate acceptedOn,
			LocalDate rejectedOn, String rejectionReason, LocalDate replyDue, Extension extension, LocalDate repliedOn,
			String resolution, LocalDate closedOn, Satisfaction satisfaction, Review review, Review reReview,
			String handler, String responsibleLeader, DeadlineResponse currentDeadline, boolean overdue,
			List<Petitions.MissedDeadline> missedDeadlines) {

		static PetitionResponse of(Petition p, boolean fullIdNumbers, LocalDate today,
				List<Petitions.MissedDeadline> missed) {
			Intake in = p.intake();
			List<PetitionerResponse> named = p.petitioners()
				.stream()
				.map((n) -> new PetitionerResponse(n.name(),
						fullIdNumbers ? n.idNumber() : Masking.idNumber(n.idNumber()), n.migrantId()))
				.toList();
			return new PetitionResponse(p.id(), p.caseNo(), in.receivedOn(), in.channel(), in.source(), in.sourceBody(),
					in.sourceReference(), in.personCount(), in.collective(), in.townshipCode(), in.category(),
					in.summary(), in.repeatOf(), in.matterId(), named.isEmpty(), named, p.status(), p.acceptDue(),
					p.acceptedOn(), p.rejectedOn(), p.rejectionReason(), p.replyDue(), p.extension(), p.repliedOn(),
					p.resolution(), p.closedOn(), p.satisfaction(), p.review(), p.reReview(), p.handler(),
					p.responsibleLeader(),
					p.currentDeadline().map((d) -> new DeadlineResponse(d.kind(), d.due())).orElse(null),
					p.overdueOn(today), missed);
		}

	}

}
