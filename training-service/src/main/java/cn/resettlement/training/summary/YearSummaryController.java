package cn.resettlement.training.summary;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.web.ApiException;

/**
 * {@code GET /api/v1/training/summaries/{year}}: the year's training figures, counted as
 * the annual report counts them (no personal data; every role may read it).
 */
@RestController
class YearSummaryController {

	private final YearSummaries summaries;

	YearSummaryController(YearSummaries summaries) {
		this.summaries = summaries;
	}

	@GetMapping("/api/v1/training/summaries/{year}")
	YearSummary summary(@PathVariable int year) {
		if (year < 2000 || year > 2100) {
			throw ApiException.invalid("year", "must be between 2000 and 2100");
		}
		return this.summaries.of(year);
	}

}
