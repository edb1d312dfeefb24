package cn.resettlement.reporting.indicator;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.reporting.profile.Versioned;
import cn.resettlement.reporting.profile.Versions;

/** The indicators of a year: the saved set, or the default set until one is saved. */
@Service
public class IndicatorManagement {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final IndicatorSets sets;

	private final AuditTrail audit;

	IndicatorManagement(IndicatorSets sets, AuditTrail audit) {
		this.sets = sets;
		this.audit = audit;
	}

	/** The year's indicators; version 0 is the default set. */
	public Versioned<List<Indicator>> effective(String unit, int year) {
		return this.sets.find(unit, year).orElse(new Versioned<>(DefaultIndicators.set(), 0));
	}

	@Transactional
	public Versioned<List<Indicator>> replace(String unit, int year, List<Indicator> indicators, String ifMatch) {
		validate(indicators);
		long stored = this.sets.find(unit, year).map(Versioned::version).orElse(0L);
		long expected = Versions.expected(ifMatch, stored);
		long version = this.sets.save(unit, year, indicators, expected);
		this.audit.record("report.indicators.replaced", "IndicatorSet", unit + "/" + year,
				Map.of("year", year, "version", version, "indicators", indicators.size()));
		return new Versioned<>(indicators, version);
	}

	static void validate(List<Indicator> indicators) {
		Set<String> codes = new HashSet<>();
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < indicators.size(); i++) {
			Indicator indicator = indicators.get(i);
			if (!codes.add(indicator.code())) {
				throw ApiException.invalid("indicators[" + i + "].code", "appears twice");
			}
			if (!MetricCatalogue.knows(indicator.metric())) {
				throw ApiException.invalid("indicators[" + i + "].metric",
						"is not a figure of the performance report (see GET /api/v1/reports/metrics)");
			}
			if (indicator.weight().stripTrailingZeros().scale() > 1) {
				throw ApiException.invalid("indicators[" + i + "].weight", "must have at most 1 decimal");
			}
			total = total.add(indicator.weight());
		}
		if (total.compareTo(HUNDRED) != 0) {
			throw ApiException.invalid("indicators",
					"weights must sum to 100 (they sum to " + total.stripTrailingZeros().toPlainString() + ")");
		}
	}

}
