package cn.resettlement.reporting.profile;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.Money;

/** Edits the unit profile and the yearly narratives (ADMIN). */
@Service
public class ProfileManagement {

	private final Texts texts;

	private final AuditTrail audit;

	ProfileManagement(Texts texts, AuditTrail audit) {
		this.texts = texts;
		this.audit = audit;
	}

	@Transactional
	public Versioned<UnitProfile> replaceProfile(String unit, UnitProfile profile, String ifMatch) {
		validate(profile);
		long stored = this.texts.profile(unit).map(Versioned::version).orElse(0L);
		long expected = Versions.expected(ifMatch, stored);
		long version = this.texts.saveProfile(unit, profile, expected);
		this.audit.record("report.profile.replaced", "UnitProfile", unit, Map.of("version", version));
		return new Versioned<>(profile, version);
	}

	@Transactional
	public Versioned<Narrative> replaceNarrative(String unit, int year, Narrative narrative, String ifMatch) {
		long stored = this.texts.narrative(unit, year).map(Versioned::version).orElse(0L);
		long expected = Versions.expected(ifMatch, stored);
		long version = this.texts.saveNarrative(unit, year, narrative, expected);
		this.audit.record("report.narrative.replaced", "ReportNarrative", unit + "/" + year,
				Map.of("year", year, "version", version));
		return new Versioned<>(narrative, version);
	}

	private static void validate(UnitProfile profile) {
		Set<Integer> years = new HashSet<>();
		List<UnitProfile.Budget> budgets = profile.budgets();
		for (int i = 0; i < budgets.size(); i++) {
			UnitProfile.Budget budget = budgets.get(i);
			if (!years.add(budget.year())) {
				throw ApiException.invalid("budgets[" + i + "].year", "appears twice");
			}
			money("budgets[" + i + "].total", budget.total());
			money("budgets[" + i + "].adjusted", budget.adjusted());
			money("budgets[" + i + "].executed", budget.executed());
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < profile.townships().size(); i++) {
			if (!codes.add(profile.townships().get(i).code())) {
				throw ApiException.invalid("townships[" + i + "].code", "appears twice");
			}
		}
	}

	private static void money(String field, BigDecimal yuan) {
		if (yuan != null) {
			Money.toFen(field, yuan);
		}
	}

}
