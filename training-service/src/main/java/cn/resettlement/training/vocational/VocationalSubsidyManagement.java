package cn.resettlement.training.vocational;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.Money;
import cn.resettlement.training.config.TrainingProperties;
import cn.resettlement.training.integration.RegisteredPerson;

/**
 * Grants vocational-education subsidies (中长期职业教育补助): to students of migrant households
 * (checked with population-service), one per student and academic year, at the level's
 * configured standard unless an amount is given; claims for academic years that ended
 * before the grant year are late claims (往年漏报).
 */
@Service
class VocationalSubsidyManagement {

	static final int EARLIEST_YEAR = 2006;

	private final VocationalSubsidies subsidies;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	private final TrainingProperties.Vocational settings;

	VocationalSubsidyManagement(VocationalSubsidies subsidies, Outbox outbox, AuditTrail audit, Clock clock,
			TrainingProperties properties) {
		this.subsidies = subsidies;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
		this.settings = properties.vocational();
		for (String level : this.settings.standards().keySet()) {
			try {
				VocationalLevel.valueOf(level);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException("training.vocational.standards." + level + " names no level; levels: "
						+ Arrays.toString(VocationalLevel.values()), ex);
			}
		}
	}

	/**
	 * Checks a grant before population-service is asked: year, academic year, late claim
	 * and amount.
	 * @return the grant's terms with the amount in fen and the late-claim flag decided
	 */
	Terms terms(Grant grant) {
		int latestYear = LocalDate.now(this.clock).getYear();
		if (grant.year() < EARLIEST_YEAR || grant.year() > latestYear) {
			throw ApiException.invalid("year", "must be between " + EARLIEST_YEAR + " and " + latestYear);
		}
		AcademicYear academicYear = AcademicYear.parse(grant.academicYear());
		if (academicYear == null) {
			throw ApiException.invalid("academicYear", "must be like 2024-2025 (two consecutive years)");
		}
		if (academicYear.startYear() > grant.year()) {
			throw ApiException.invalid("academicYear", "must have begun by the grant year " + grant.year());
		}
		if (academicYear.startYear() < EARLIEST_YEAR - 1) {
			throw ApiException.invalid("academicYear", "must not begin before " + (EARLIEST_YEAR - 1));
		}
		boolean late = academicYear.lateIn(grant.year());
		if (grant.lateClaim() != null && grant.lateClaim() != late) {
			throw ApiException.invalid("lateClaim",
					late ? "must be true: academic year " + academicYear + " ended before " + grant.year() + " (往年漏报)"
							: "must be false: academic year " + academicYear + " is not over before " + grant.year());
		}
		long amountFen;
		if (grant.amount() != null) {
			amountFen = Money.toPositiveFen("amount", grant.amount());
		}
		else {
			BigDecimal standard = this.settings.standardFor(grant.level().name());
			if (standard == null) {
				throw ApiException.invalid("amount",
						"is required: no standard is configured for level " + grant.level());
			}
			amountFen = Money.toPositiveFen("amount", standard);
		}
		return new Terms(academicYear.toString(), late, amountFen);
	}

	@Transactional
	VocationalSubsidy grant(RegisteredPerson student, Grant grant, Terms terms) {
		Caller.current().requireTownship(student.townshipCode());
		VocationalSubsidy subsidy = new VocationalSubsidy(UUID.randomUUID(), student.idNumber(), student.migrantId(),
				student.name(), student.householdId(), student.townshipCode(), grant.school(), grant.programme(),
				grant.level(), terms.academicYear(), grant.year(), terms.amountFen(), terms.lateClaim());
		if (!this.subsidies.insert(subsidy)) {
			throw ApiException.conflict("duplicate-grant",
					"The student already has a subsidy for academic year " + terms.academicYear() + ".");
		}
		this.outbox.append(VocationalSubsidyGranted.of(subsidy));
		this.audit.record("training.vocational.granted", "VocationalSubsidy", subsidy.id(),
				Map.of("migrantId", subsidy.migrantId(), "year", subsidy.year(), "amountFen", subsidy.amountFen(),
						"lateClaim", subsidy.lateClaim()));
		return subsidy;
	}

	/**
	 * A grant as requested.
	 *
	 * @param school school
	 * @param programme programme
	 * @param level level
	 * @param academicYear academic year text
	 * @param year grant year
	 * @param amount amount in yuan, or {@code null} for the level's standard
	 * @param lateClaim the client's late-claim flag, or {@code null} to decide it
	 */
	record Grant(String school, String programme, VocationalLevel level, String academicYear, int year,
			BigDecimal amount, Boolean lateClaim) {
	}

	/** A checked grant: normalised academic year, late-claim flag, amount in fen. */
	record Terms(String academicYear, boolean lateClaim, long amountFen) {
	}

}
