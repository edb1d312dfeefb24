package cn.resettlement.petition.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.web.IdNumbers;
import cn.resettlement.petition.config.Today;
import cn.resettlement.petition.migrants.MigrantRefs;
import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.config.PlatformProperties;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;

/**
 * Registers petitions and moves them through their lifecycle: each command locks the
 * petition, checks the caller's township, applies the rule, and writes the new state, its
 * event (outbox) and the audit record in one transaction.
 */
@Service
public class PetitionManagement {

	/** Receipt dates before this are typing errors, not old petitions. */
	static final LocalDate EARLIEST_RECEIPT = LocalDate.of(2000, 1, 1);

	private final Petitions petitions;

	private final MigrantRefs migrants;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final Today today;

	private final String unitCode;

	PetitionManagement(Petitions petitions, MigrantRefs migrants, Outbox outbox, AuditTrail audit, Today today,
			PlatformProperties platform) {
		this.petitions = petitions;
		this.migrants = migrants;
		this.outbox = outbox;
		this.audit = audit;
		this.today = today;
		this.unitCode = platform.unitCode();
	}

	@Transactional
	public Petition register(RegisterPetition command) {
		LocalDate now = this.today.date();
		validate(command, now);
		Caller.current().requireTownship(command.townshipCode());
		UUID id = UUID.randomUUID();
		UUID matter = id;
		if (command.repeatOf() != null) {
			Petition earlier = this.petitions.find(command.repeatOf())
				.orElseThrow(() -> ApiException.unprocessable("unknown-petition",
						"Petition " + command.repeatOf() + " (repeatOf) does not exist."));
			Caller.current().requireTownship(earlier.intake().townshipCode());
			if (earlier.intake().receivedOn().isAfter(command.receivedOn())) {
				throw ApiException.invalid("repeatOf", "must name a petition received on or before this one");
			}
			matter = earlier.intake().matterId();
		}
		List<String> idNumbers = command.petitioners()
			.stream()
			.map(NewPetitioner::idNumber)
			.filter((n) -> n != null)
			.map(IdNumbers::normalize)
			.toList();
		Map<String, UUID> known = this.migrants.migrantsByIdNumber(idNumbers);
		List<Petitioner> petitioners = command.petitioners().stream().map((p) -> {
			String idNumber = (p.idNumber() != null) ? IdNumbers.normalize(p.idNumber()) : null;
			return new Petitioner(UUID.randomUUID(), p.name().trim(), idNumber,
					(idNumber != null) ? known.get(idNumber) : null);
		}).toList();
		Intake intake = new Intake(command.receivedOn(), command.channel(), command.source(),
				blankToNull(command.sourceBody()), blankToNull(command.sourceReference()), command.personCount(),
				command.townshipCode(), command.category(), command.summary().trim(), command.repeatOf(), matter);
		String caseNo = this.petitions.nextCaseNo(command.receivedOn().getYear());
		Transition registered = Petition.register(id, caseNo, intake, petitioners, now);
		this.petitions.insert(registered.petition());
		this.outbox.append(registered.event());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("caseNo", caseNo);
		details.put("personCount", command.personCount());
		details.put("townshipCode", command.townshipCode());
		if (command.repeatOf() != null) {
			details.put("repeatOf", command.repeatOf());
		}
		this.audit.record("petition.registered", "Petition", id, details);
		return registered.petition();
	}

	@Transactional
	public Petition accept(UUID id, Long expectedVersion, LocalDate acceptedOn) {
		return change(id, expectedVersion, "petition.accepted", (p) -> p.accept(acceptedOn, this.today.date(),
				this.petitions.matterFinallyDecided(p.intake().matterId())));
	}

	@Transactional
	public Petition reject(UUID id, Long expectedVersion, LocalDate decidedOn, String reason) {
		return change(id, expectedVersion, "petition.rejected", (p) -> p.reject(decidedOn, reason, this.today.date()));
	}

	@Transactional
	public Petition extend(UUID id, Long expectedVersion, ExtendPetition command) {
		LocalDate now = this.today.date();
		LocalDate on = (command.extendedOn() != null) ? command.extendedOn() : now;
		return change(id, expectedVersion, "petition.extended", (p) -> {
			// a back-dated approval must not undo a deadline already reported as missed
			if (this.petitions.missedDeadlines(id).stream().anyMatch((m) -> m.kind() == DeadlineKind.REPLY)) {
				throw ApiException.conflict("deadline-passed", "The reply deadline of petition " + p.caseNo()
						+ " was already recorded as missed; it can no longer be extended.");
			}
			return p.extend(command.days(), command.reason(), on, command.approvedBy(), now);
		});
	}

	@Transactional
	public Petition reply(UUID id, Long expectedVersion, LocalDate repliedOn, String resolution) {
		return change(id, expectedVersion, "petition.replied",
				(p) -> p.reply(repliedOn, resolution, this.today.date()));
	}

	@Transactional
	public Petition close(UUID id, Long expectedVersion, LocalDate closedOn, Satisfaction satisfaction) {
		return change(id, expectedVersion, "petition.closed",
				(p) -> p.close(closedOn, satisfaction, this.today.date()));
	}

	@Transactional
	public Petition requestReview(UUID id, Long expectedVersion, LocalDate requestedOn) {
		return change(id, expectedVersion, "petition.review-requested",
				(p) -> p.requestReview(requestedOn, this.today.date()));
	}

	@Transactional
	public Petition decideReview(UUID id, Long expectedVersion, LocalDate decidedOn, ReviewOutcome outcome,
			String opinion) {
		return change(id, expectedVersion, "petition.review-decided",
				(p) -> p.decideReview(decidedOn, outcome, opinion, this.today.date()));
	}

	/** Names the handler and the responsible leader; If-Match is required. */
	@Transactional
	public Petition assign(UUID id, long expectedVersion, String handler, String leader) {
		Petition petition = lockVisible(id);
		requireVersion(petition, expectedVersion);
		Petition assigned = petition.assign(blankToNull(handler), blankToNull(leader));
		this.petitions.update(assigned);
		this.audit.record("petition.assigned", "Petition", id, Map.of("handler", String.valueOf(assigned.handler()),
				"responsibleLeader", String.valueOf(assigned.responsibleLeader())));
		return this.petitions.find(id).orElseThrow();
	}

	private Petition change(UUID id, Long expectedVersion, String action, Function<Petition, Transition> command) {
		Petition petition = lockVisible(id);
		if (expectedVersion != null) {
			requireVersion(petition, expectedVersion);
		}
		Transition transition = command.apply(petition);
		this.petitions.update(transition.petition());
		this.outbox.append(transition.event());
		this.audit.record(action, "Petition", id,
				Map.of("caseNo", petition.caseNo(), "status", transition.petition().status().name()));
		return this.petitions.find(id).orElseThrow();
	}

	private Petition lockVisible(UUID id) {
		Petition petition = this.petitions.lock(id).orElseThrow(() -> ApiException.notFound("Petition", id));
		Caller.current().requireTownship(petition.intake().townshipCode());
		return petition;
	}

	private static void requireVersion(Petition petition, long expected) {
		if (petition.version() != expected) {
			throw ApiException.preconditionFailed("The petition was changed by someone else; read it again and retry.");
		}
	}

	private void validate(RegisterPetition command, LocalDate now) {
		List<ApiException.FieldError> errors = new ArrayList<>();
		if (command.receivedOn().isBefore(EARLIEST_RECEIPT)) {
			errors.add(new ApiException.FieldError("receivedOn", "must not be before " + EARLIEST_RECEIPT));
		}
		if (command.receivedOn().isAfter(now)) {
			errors.add(new ApiException.FieldError("receivedOn", "must not be in the future"));
		}
		if (!command.townshipCode().startsWith(this.unitCode)) {
			errors.add(new ApiException.FieldError("townshipCode",
					"must be a township of unit " + this.unitCode + " (its code begins with it)"));
		}
		if (command.source().fromAnotherBody()) {
			if (isBlank(command.sourceBody())) {
				errors.add(new ApiException.FieldError("sourceBody",
						"is required for a " + command.source() + " petition (the forwarding or assigning body)"));
			}
			if (isBlank(command.sourceReference())) {
				errors.add(new ApiException.FieldError("sourceReference",
						"is required for a " + command.source() + " petition (that body's reference number)"));
			}
		}
		else if (!isBlank(command.sourceBody()) || !isBlank(command.sourceReference())) {
			errors.add(new ApiException.FieldError("source",
					"must be TRANSFERRED or ASSIGNED when a sourceBody or sourceReference is given"));
		}
		if (command.personCount() < command.petitioners().size()) {
			errors.add(new ApiException.FieldError("personCount",
					"must be at least the number of petitioners named (" + command.petitioners().size() + ")"));
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < command.petitioners().size(); i++) {
			String idNumber = command.petitioners().get(i).idNumber();
			if (idNumber == null) {
				continue;
			}
			String field = "petitioners[" + i + "].idNumber";
			int index = i;
			IdNumbers.problem(idNumber, now)
				.ifPresentOrElse((problem) -> errors.add(new ApiException.FieldError(field, problem)), () -> {
					if (!seen.add(IdNumbers.normalize(idNumber))) {
						errors.add(new ApiException.FieldError(field,
								"is given twice (petitioner " + index + " repeats an earlier one)"));
					}
				});
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid("The request is invalid.", errors);
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static String blankToNull(String text) {
		return isBlank(text) ? null : text.trim();
	}

	/** What registering a petition needs. An empty list of petitioners is anonymous. */
	public record RegisterPetition(LocalDate receivedOn, Channel channel, Source source, String sourceBody,
			String sourceReference, int personCount, List<NewPetitioner> petitioners, String townshipCode,
			Category category, String summary, UUID repeatOf) {
	}

	/**
	 * A person named on a new petition.
	 *
	 * @param name the name given
	 * @param idNumber the ID number, if given
	 */
	public record NewPetitioner(String name, String idNumber) {
	}

	/**
	 * An extension of the reply deadline.
	 *
	 * @param days 1 to 30
	 * @param reason why
	 * @param extendedOn date of approval; today when not given
	 * @param approvedBy the approving head, if recorded
	 */
	public record ExtendPetition(int days, String reason, LocalDate extendedOn, String approvedBy) {
	}

}
