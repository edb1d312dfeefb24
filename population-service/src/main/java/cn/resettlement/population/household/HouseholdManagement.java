package cn.resettlement.population.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.config.PlatformProperties;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;

/** Registers households. */
@Service
public class HouseholdManagement {

	static final LocalDate EARLIEST_RELOCATION = LocalDate.of(1949, 10, 1);

	private final Households households;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	private final String unitCode;

	HouseholdManagement(Households households, Outbox outbox, AuditTrail audit, Clock clock,
			PlatformProperties properties) {
		this.households = households;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
		this.unitCode = properties.unitCode();
	}

	@Transactional
	public Household register(RegisterHousehold command) {
		Caller.current().requireTownship(command.townshipCode());
		requireTownshipOfUnit(command.townshipCode(), this.unitCode);
		if (command.relocatedOn().isBefore(EARLIEST_RELOCATION)
				|| command.relocatedOn().isAfter(LocalDate.now(this.clock))) {
			throw ApiException.invalid("relocatedOn", "must be between 1949-10-01 and today");
		}
		if (this.households.existsByNumber(command.householdNo())) {
			throw ApiException.conflict("duplicate-household",
					"Household number " + command.householdNo() + " is already registered.");
		}
		Household household = new Household(UUID.randomUUID(), command.householdNo(), command.townshipCode(),
				command.village(), command.reservoir(), command.areaType(), command.relocatedOn(), command.address(),
				0);
		this.households.insert(household);
		this.outbox.append(HouseholdRegistered.of(household));
		this.audit.record("household.registered", "Household", household.id(),
				Map.of("householdNo", household.householdNo(), "townshipCode", household.townshipCode()));
		return household;
	}

	/** A township code must be 9 digits under the unit's 6-digit code. */
	public static void requireTownshipOfUnit(String townshipCode, String unitCode) {
		if (townshipCode == null || !townshipCode.matches("[0-9]{9}") || !townshipCode.startsWith(unitCode)) {
			throw ApiException.invalid("townshipCode", "must be a 9-digit township code of unit " + unitCode);
		}
	}

	/** What registering a household needs. */
	public record RegisterHousehold(String householdNo, String townshipCode, String village, String reservoir,
			AreaType areaType, LocalDate relocatedOn, String address) {
	}

}
