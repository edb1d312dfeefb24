package cn.resettlement.training.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of training-service, under {@code training.*}.
 *
 * @param population how population-service is reached
 * @param vocational the vocational-education subsidy
 * @param imports bulk enrolment and completion lists
 */
@ConfigurationProperties("training")
public record TrainingProperties(@DefaultValue Population population, @DefaultValue Vocational vocational,
		@DefaultValue Imports imports) {

	/**
	 * @param url base URL of population-service (e.g. {@code http://population:8081})
	 * @param lookupAttempts attempts of one lookup (an idempotent read) before the
	 * dependency counts as unavailable
	 * @param lookupRetryWait wait between two attempts
	 */
	public record Population(@DefaultValue("http://127.0.0.1:8081") String url, @DefaultValue("2") int lookupAttempts,
			@DefaultValue("200ms") Duration lookupRetryWait) {
	}

	/**
	 * @param standards yuan per student and academic year, by level name (e.g.
	 * {@code HIGHER_VOCATIONAL}), used when a grant names no amount. The defaults are
	 * placeholders (2,000 yuan is the general vocational-school bursary average, not a
	 * verified Hunan migrant standard): set the county's standard in configuration.
	 */
	public record Vocational(@DefaultValue Map<String, BigDecimal> standards) {

		/** The standard of a level, or {@code null} when none is configured. */
		public BigDecimal standardFor(String level) {
			return this.standards.get(level);
		}

	}

	/**
	 * @param chunk rows checked with population-service in one lookup call (at most
	 * 1,000, the lookup's limit) and written in one transaction
	 */
	public record Imports(@DefaultValue("500") int chunk) {
	}

}
