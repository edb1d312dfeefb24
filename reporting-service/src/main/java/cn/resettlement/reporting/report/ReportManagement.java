package cn.resettlement.reporting.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.reporting.figures.Figures;
import cn.resettlement.reporting.figures.YearFigures;
import cn.resettlement.reporting.freshness.Freshness;
import cn.resettlement.reporting.freshness.FreshnessProbe;
import cn.resettlement.reporting.indicator.Evaluation;
import cn.resettlement.reporting.indicator.Indicator;
import cn.resettlement.reporting.indicator.IndicatorManagement;
import cn.resettlement.reporting.indicator.ScoredIndicator;
import cn.resettlement.reporting.indicator.Scoring;
import cn.resettlement.reporting.profile.Narrative;
import cn.resettlement.reporting.profile.Texts;
import cn.resettlement.reporting.profile.UnitProfile;
import cn.resettlement.reporting.profile.Versioned;

/**
 * Assembles a year's report from the read models, the profile, the narrative and the
 * indicators; closes a year into a submitted snapshot and shows late events as
 * differences against it.
 */
@Service
public class ReportManagement {

	private final YearFigures figures;

	private final Texts texts;

	private final IndicatorManagement indicators;

	private final Snapshots snapshots;

	private final FreshnessProbe freshness;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final java.time.Clock clock;

	ReportManagement(YearFigures figures, Texts texts, IndicatorManagement indicators, Snapshots snapshots,
			FreshnessProbe freshness, JsonMapper json, AuditTrail audit, java.time.Clock clock) {
		this.figures = figures;
		this.texts = texts;
		this.indicators = indicators;
		this.snapshots = snapshots;
		this.freshness = freshness;
		this.json = json;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The report of a year: as submitted when the year is closed (unless {@code live}),
	 * with the differences late events made; else computed now.
	 */
	public ReportView view(String unit, int year, boolean live) {
		Freshness freshness = this.freshness.now();
		if (!live) {
			Snapshots.Stored stored = this.snapshots.latest(unit, year).orElse(null);
			if (stored != null) {
				ReportData now = compute(unit, year, freshness);
				return new ReportView(stored.data(), stored.submission(), differences(stored.data(), now), freshness);
			}
		}
		return new ReportView(compute(unit, year, freshness), null, null, freshness);
	}

	/** A submitted version as it was, with the differences late events made since. */
	public ReportView submitted(String unit, int year, int version) {
		Snapshots.Stored stored = this.snapshots.find(unit, year, version)
			.orElseThrow(() -> ApiException.notFound("Submitted report version", year + "/" + version));
		Freshness freshness = this.freshness.now();
		return new ReportView(stored.data(), stored.submission(),
				differences(stored.data(), compute(unit, year, freshness)), freshness);
	}

	public List<Submission> submissions(String unit, int year) {
		return this.snapshots.list(unit, year);
	}

	/** Freezes the year's report as it is now as the next submitted version. */
	@Transactional
	public Submission close(String unit, int year) {
		this.snapshots.lock(unit, year);
		ReportData data = compute(unit, year, this.freshness.now());
		Submission submission = this.snapshots.add(unit, year, data);
		this.audit.record("report.year.closed", "Report", unit + "/" + year, Map.of("year", year, "version",
				submission.version(), "totalScore", data.evaluation().totalScore().toPlainString()));
		return submission;
	}

	/** The year's indicators scored against the live figures. */
	public Scored indicators(String unit, int year) {
		Versioned<List<Indicator>> set = this.indicators.effective(unit, year);
		ReportData data = compute(unit, year, set.value(), this.freshness.now());
		return new Scored(data.indicators(), data.evaluation(), set.version());
	}

	private ReportData compute(String unit, int year, Freshness freshness) {
		return compute(unit, year, this.indicators.effective(unit, year).value(), freshness);
	}

	private ReportData compute(String unit, int year, List<Indicator> indicators, Freshness freshness) {
		Figures figures = this.figures.of(unit, year);
		UnitProfile profile = this.texts.profile(unit).map(Versioned::value).orElse(UnitProfile.empty(unit));
		Narrative narrative = this.texts.narrative(unit, year).map(Versioned::value).orElse(Narrative.EMPTY);
		Budget budget = Budget.of(profile, year);
		List<ScoredIndicator> scored = Scoring.score(indicators, metricSource(figures, budget));
		Evaluation evaluation = Scoring.evaluate(scored);
		return new ReportData(year, unit, this.clock.instant(), freshness.lastEventAt(), figures, budget, scored,
				evaluation, profile, narrative);
	}

	/** The figures as the performance JSON has them: indicators name their paths. */
	private JsonNode metricSource(Figures figures, Budget budget) {
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("funds", figures.funds());
		source.put("projects", figures.projects());
		source.put("population", figures.population());
		source.put("subsidy", figures.subsidy());
		source.put("training", figures.training());
		source.put("petitions", figures.petitions());
		source.put("assets", figures.assets());
		source.put("budget", budget);
		return this.json.valueToTree(source);
	}

	/** Every figure (and the total score) that differs between two reports of a year. */
	List<LateChange> differences(ReportData submitted, ReportData now) {
		Map<String, BigDecimal> before = numbers(submitted);
		Map<String, BigDecimal> after = numbers(now);
		List<LateChange> changes = new ArrayList<>();
		for (String metric : union(before, after)) {
			BigDecimal a = before.get(metric);
			BigDecimal b = after.get(metric);
			boolean same = (a == null) ? b == null : (b != null && a.compareTo(b) == 0);
			if (!same) {
				changes.add(new LateChange(metric, a, b, (a != null && b != null) ? b.subtract(a) : null));
			}
		}
		return changes;
	}

	private Map<String, BigDecimal> numbers(ReportData data) {
		JsonNode tree = metricSource(data.figures(), data.budget());
		Map<String, BigDecimal> numbers = new LinkedHashMap<>();
		flatten("", tree, numbers);
		numbers.put("evaluation.totalScore", data.evaluation().totalScore());
		return numbers;
	}

	private static void flatten(String path, JsonNode node, Map<String, BigDecimal> into) {
		if (node.isObject()) {
			node.properties()
				.forEach((e) -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), into));
		}
		else if (node.isNumber()) {
			into.put(path, node.decimalValue());
		}
		else if (node.isNull()) {
			into.put(path, null);
		}
	}

	private static List<String> union(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
		List<String> keys = new ArrayList<>(a.keySet());
		b.keySet().stream().filter((k) -> !a.containsKey(k)).forEach(keys::add);
		return keys.stream().filter(Objects::nonNull).toList();
	}

	/**
	 * @param indicators scored indicators
	 * @param evaluation total and grade
	 * @param version version of the saved set, 0 for the default set
	 */
	public record Scored(List<ScoredIndicator> indicators, Evaluation evaluation, long version) {
	}

}
