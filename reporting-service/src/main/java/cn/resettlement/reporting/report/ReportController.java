package cn.resettlement.reporting.report;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.config.PlatformProperties;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.ETags;
import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.reporting.indicator.Evaluation;
import cn.resettlement.reporting.indicator.Indicator;
import cn.resettlement.reporting.indicator.IndicatorManagement;
import cn.resettlement.reporting.indicator.MetricCatalogue;
import cn.resettlement.reporting.indicator.ScoredIndicator;
import cn.resettlement.reporting.profile.Years;

/**
 * The performance report as JSON, the year's indicators, and closing a year. Reads for
 * every role; changes for ADMIN.
 */
@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

	private final ReportManagement reports;

	private final IndicatorManagement indicators;

	private final Idempotency idempotency;

	private final String unit;

	ReportController(ReportManagement reports, IndicatorManagement indicators, Idempotency idempotency,
			PlatformProperties platform) {
		this.reports = reports;
		this.indicators = indicators;
		this.idempotency = idempotency;
		this.unit = platform.unitCode();
	}

	/**
	 * @param view {@code submitted} (default: the submitted report of a closed year, with
	 * late changes) or {@code live} (computed now)
	 * @param unitCode another unit whose events the topics carry (default: this
	 * deployment's unit)
	 */
	@GetMapping("/{year}/performance")
	Performance performance(@PathVariable int year, @RequestParam(defaultValue = "submitted") String view,
			@RequestParam(required = false) String unitCode) {
		Years.check(year);
		return this.reports.view(unit(unitCode), year, live(view)).performance();
	}

	@GetMapping("/{year}/snapshots")
	List<Submission> submissions(@PathVariable int year) {
		Years.check(year);
		return this.reports.submissions(this.unit, year);
	}

	@GetMapping("/{year}/snapshots/{version}")
	Performance submitted(@PathVariable int year, @PathVariable int version) {
		Years.check(year);
		return this.reports.submitted(this.unit, year, version).performance();
	}

	/** Freezes the year's report as the next submitted version (报送). */
	@PostMapping("/{year}/close")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<?> close(@PathVariable int year,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key) {
		Years.check(year);
		return this.idempotency.execute(key, "close/" + this.unit + "/" + year, () -> {
			Submission submission = this.reports.close(this.unit, year);
			return ResponseEntity.created(URI.create("/api/v1/reports/" + year + "/snapshots/" + submission.version()))
				.body(submission);
		});
	}

	@GetMapping("/{year}/indicators")
	ResponseEntity<IndicatorsResponse> indicators(@PathVariable int year) {
		Years.check(year);
		ReportManagement.Scored scored = this.reports.indicators(this.unit, year);
		return ResponseEntity.ok()
			.eTag(ETags.of(scored.version()))
			.body(new IndicatorsResponse(year, scored.version() == 0, scored.indicators(), scored.evaluation()));
	}

	@PutMapping("/{year}/indicators")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<IndicatorsResponse> replaceIndicators(@PathVariable int year,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody IndicatorsRequest request) {
		Years.check(year);
		this.indicators.replace(this.unit, year, request.indicators(), ifMatch);
		return indicators(year);
	}

	/** The figures an indicator can be measured by. */
	@GetMapping("/metrics")
	List<MetricCatalogue.Metric> metrics() {
		return MetricCatalogue.all();
	}

	private String unit(String unitCode) {
		if (unitCode == null) {
			return this.unit;
		}
		if (!unitCode.matches("[0-9]{6}")) {
			throw ApiException.invalid("unitCode", "must be a 6-digit code");
		}
		return unitCode;
	}

	private static boolean live(String view) {
		return switch (view) {
			case "live" -> true;
			case "submitted" -> false;
			default -> throw ApiException.invalid("view", "must be submitted or live");
		};
	}

	record IndicatorsRequest(@NotNull @Size(min = 1, max = 100) List<@Valid @NotNull Indicator> indicators) {
	}

	/**
	 * @param year report year
	 * @param defaults whether this is the default set (none saved yet)
	 * @param indicators with actual values and scores
	 * @param evaluation total score and grade
	 */
	record IndicatorsResponse(int year, boolean defaults, List<ScoredIndicator> indicators, Evaluation evaluation) {
	}

}
