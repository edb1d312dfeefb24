package cn.resettlement.subsidy.config;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of subsidy-service, under {@code subsidy.*}.
 *
 * @param population how population-service is called
 * @param generation batch generation
 * @param results result recording
 * @param zone time zone of the unit's calendar ("today" for dates such as paidOn)
 */
@ConfigurationProperties("subsidy")
public record SubsidyProperties(@DefaultValue Population population, @DefaultValue Generation generation,
		@DefaultValue Results results, @DefaultValue("Asia/Shanghai") ZoneId zone) {

	/**
	 * @param url base URL of population-service
	 * @param pageSize roster page size (population allows up to 20,000)
	 * @param retry retries of idempotent reads
	 */
	public record Population(@DefaultValue("http://127.0.0.1:8081") String url, @DefaultValue("20000") int pageSize,
			@DefaultValue Retry retry) {

	}

	/**
	 * @param maxAttempts attempts of one read, the first included
	 * @param backoff pause between attempts
	 */
	public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration backoff) {

	}

	/**
	 * @param syncLimit rosters up to this size are generated within the request (201);
	 * larger ones, or requests with {@code Prefer: respond-async}, run as a job (202)
	 */
	public record Generation(@DefaultValue("5000") int syncLimit) {

	}

	/**
	 * @param jsonLimit most results accepted in one JSON request (larger sets come as the
	 * bank's return file)
	 */
	public record Results(@DefaultValue("100000") int jsonLimit) {

	}

}
