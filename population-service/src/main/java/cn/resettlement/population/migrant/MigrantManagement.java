package cn.resettlement.population.migrant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.population.household.Household;
import cn.resettlement.population.household.Households;

/** Registers migrants, records their dynamic adjustments and corrects their data. */
@Service
public class MigrantManagement {

	private final Migrants migrants;

	private final Households households;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	MigrantManagement(Migrants migrants, Households households, Outbox outbox, AuditTrail audit, Clock clock) {
		this.migrants = migrants;
		this.households = households;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Migrant register(RegisterMigrant command) {
		IdNumber idNumber = idNumber("idNumber", command.idNumber());
		Household household = this.households.find(command.householdId())
			.orElseThrow(() -> ApiException.unprocessable("unknown-household",
					"Household " + command.householdId() + " does not exist."));
		Caller.current().requireTownship(household.townshipCode());
		if (command.sex() != null && command.sex() != idNumber.sex()) {
			throw ApiException.invalid("sex", "does not agree with the ID number");
		}
		if (command.birthDate() != null && !command.birthDate().equals(idNumber.birthDate())) {
			throw ApiException.invalid("birthDate", "does not agree with the ID number");
		}
		MigrantCategory category = SupportTerm.categoryFor(household.relocatedOn());
		if (command.category() != null && command.category() != category) {
			throw ApiException.invalid("category", "must be " + category + " for a household relocated on "
					+ household.relocatedOn() + " (ORIGINAL means relocated before 2006-07-01)");
		}
		if (this.migrants.existsByIdNumber(idNumber.value())) {
			throw ApiException.conflict("duplicate-id-number", "A migrant with this ID number is already registered.");
		}
		SupportTerm term = SupportTerm.forRelocation(household.relocatedOn());
		LocalDate activeFrom = later(household.relocatedOn(), idNumber.birthDate());
		Migrant migrant = new Migrant(UUID.randomUUID(), idNumber.value(), command.name(), idNumber.sex(),
				idNumber.birthDate(), household.id(), household.householdNo(), household.townshipCode(),
				household.village(), command.relationToHead(), command.phone(), command.cardAccount(), category,
				term.start(), term.end(), activeFrom, MigrantStatus.ACTIVE, 0);
		this.migrants.insert(migrant);
		this.outbox.append(MigrantRegistered.of(migrant));
		this.audit.record("migrant.registered", "Migrant", migrant.id(), Map.of("householdId", household.id()));
		return migrant;
	}

	@Transactional
	public Adjustment adjust(UUID migrantId, AdjustMigrant command) {
		Migrant migrant = this.migrants.lock(migrantId).orElseThrow(() -> ApiException.notFound("Migrant", migrantId));
		Caller.current().requireTownship(migrant.townshipCode());
		LocalDate today = LocalDate.now(this.clock);
		if (command.effectiveDate().isAfter(today)) {
			throw ApiException.invalid("effectiveDate", "must not be in the future");
		}
		if (command.decidedOn().isAfter(today)) {
			throw ApiException.invalid("decidedOn", "must not be in the future");
		}
		Optional<LocalDate> latestEffective = this.migrants.latestEffectiveDate(migrantId);
		boolean hasHistory = latestEffective.isPresent();
		latestEffective.ifPresent((latest) -> {
			if (command.effectiveDate().isBefore(latest)) {
				throw ApiException.conflict("adjustment-out-of-order",
						"The migrant's latest adjustment takes effect on " + latest
								+ "; a new one cannot take effect before it.");
			}
		});
		AdjustmentType type = command.type();
		MigrantStatus before = migrant.status();
		boolean lateRegistration = type == AdjustmentType.ADDITION && before == MigrantStatus.ACTIVE && !hasHistory;
		if (type.removes() && before != MigrantStatus.ACTIVE) {
			throw ApiException.conflict("illegal-adjustment", "Only an active migrant can be removed (" + type + ").");
		}
		if (type == AdjustmentType.REINSTATED && before != MigrantStatus.REMOVED) {
			throw ApiException.conflict("illegal-adjustment", "Only a removed migrant can be reinstated.");
		}
		if (type == AdjustmentType.ADDITION && before == MigrantStatus.ACTIVE && !lateRegistration) {
			throw ApiException.conflict("illegal-adjustment",
					"ADDITION applies to a late registration (补录) or to a removed migrant.");
		}
		if (type.removes() && command.effectiveDate().isBefore(migrant.activeFrom())) {
			throw ApiException.conflict("illegal-adjustment",
					"A removal cannot take effect before the migrant became active (" + migrant.activeFrom() + ").");
		}
		Adjustment adjustment = new Adjustment(UUID.randomUUID(), migrantId, type, command.effectiveDate(),
				command.decidedOn(), command.reason(), command.documentNo(), before, type.result(),
				this.clock.instant(), Caller.current().userId());
		LocalDate activeFrom = lateRegistration ? command.effectiveDate() : migrant.activeFrom();
		Migrant changed = new Migrant(migrant.id(), migrant.idNumber(), migrant.name(), migrant.sex(),
				migrant.birthDate(), migrant.householdId(), migrant.householdNo(), migrant.townshipCode(),
				migrant.village(), migrant.relationToHead(), migrant.phone(), migrant.cardAccount(), migrant.category(),
				migrant.supportStart(), migrant.supportEnd(), activeFrom, type.result(), migrant.version());
		this.migrants.update(changed, migrant.version());
		this.migrants.insertAdjustment(adjustment);
		this.outbox.append(new MigrantAdjusted(adjustment.id(), migrantId, migrant.idNumber(), migrant.townshipCode(),
				type, command.effectiveDate(), command.decidedOn(), command.documentNo(), before, type.result()));
		this.audit.record("migrant.adjusted", "Migrant", migrantId,
				Map.of("type", type.name(), "effectiveDate", command.effectiveDate().toString()));
		return adjustment;
	}

	@Transactional
	public Migrant correct(UUID migrantId, long expectedVersion, CorrectMigrant command) {
		Migrant migrant = this.migrants.lock(migrantId).orElseThrow(() -> ApiException.notFound("Migrant", migrantId));
		Caller caller = Caller.current();
		caller.requireTownship(migrant.townshipCode());
		if (migrant.version() != expectedVersion) {
			throw ApiException.preconditionFailed("The migrant was changed by someone else; read it again and retry.");
		}
		List<String> changed = new ArrayList<>();
		String idNumber = migrant.idNumber();
		Sex sex = migrant.sex();
		LocalDate birthDate = migrant.birthDate();
		if (command.idNumber() != null && !command.idNumber().trim().equalsIgnoreCase(migrant.idNumber())) {
			IdNumber corrected = idNumber("idNumber", command.idNumber());
			if (this.migrants.existsByIdNumber(corrected.value())) {
				throw ApiException.conflict("duplicate-id-number",
						"A migrant with this ID number is already registered.");
			}
			idNumber = corrected.value();
			sex = corrected.sex();
			birthDate = corrected.birthDate();
			changed.add("idNumber");
		}
		Household household = this.households.find(migrant.householdId()).orElseThrow();
		if (command.householdId() != null && !command.householdId().equals(migrant.householdId())) {
			household = this.households.find(command.householdId())
				.orElseThrow(() -> ApiException.unprocessable("unknown-household",
						"Household " + command.householdId() + " does not exist."));
			caller.requireTownship(household.townshipCode());
			changed.add("householdId");
		}
		String name = pick(command.name(), migrant.name(), "name", changed);
		String relation = pick(command.relationToHead(), migrant.relationToHead(), "relationToHead", changed);
		String phone = pick(command.phone(), migrant.phone(), "phone", changed);
		String card = pick(command.cardAccount(), migrant.cardAccount(), "cardAccount", changed);
		LocalDate supportStart = pick(command.supportStart(), migrant.supportStart(), "supportStart", changed);
		LocalDate supportEnd = pick(command.supportEnd(), migrant.supportEnd(), "supportEnd", changed);
		if (supportEnd.isBefore(supportStart)) {
			throw ApiException.invalid("supportEnd", "must not be before supportStart");
		}
		MigrantCategory category = SupportTerm.categoryFor(household.relocatedOn());
		if (category != migrant.category()) {
			changed.add("category");
		}
		if (changed.isEmpty()) {
			return migrant;
		}
		Migrant corrected = new Migrant(migrant.id(), idNumber, name, sex, birthDate, household.id(),
				household.householdNo(), household.townshipCode(), household.village(), relation, phone, card, category,
				supportStart, supportEnd, migrant.activeFrom(), migrant.status(), migrant.version());
		this.migrants.update(corrected, expectedVersion);
		this.outbox.append(new MigrantCorrected(migrantId, idNumber,
				changed.contains("idNumber") ? migrant.idNumber() : null, name, household.id(),
				household.townshipCode(), category, supportStart, supportEnd, List.copyOf(changed)));
		this.audit.record("migrant.corrected", "Migrant", migrantId, Map.of("changedFields", changed));
		return this.migrants.find(migrantId).orElseThrow();
	}

	private IdNumber idNumber(String field, String raw) {
		IdNumber.Result parsed = IdNumber.parse(raw, LocalDate.now(this.clock));
		return parsed.idNumber().orElseThrow(() -> ApiException.invalid(field, parsed.error()));
	}

	private static <T> T pick(T requested, T current, String field, List<String> changed) {
		if (requested == null || Objects.equals(requested, current)) {
			return current;
		}
		changed.add(field);
		return requested;
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	/** What registering a migrant needs; sex and birth date are optional cross-checks. */
	public record RegisterMigrant(String idNumber, String name, UUID householdId, String relationToHead, String phone,
			String cardAccount, MigrantCategory category, Sex sex, LocalDate birthDate) {
	}

	/** A dynamic adjustment as decided. */
	public record AdjustMigrant(AdjustmentType type, LocalDate effectiveDate, LocalDate decidedOn, String reason,
			String documentNo) {
	}

	/** A correction: only the fields given change. */
	public record CorrectMigrant(String idNumber, String name, UUID householdId, String relationToHead, String phone,
			String cardAccount, LocalDate supportStart, LocalDate supportEnd) {
	}

}
