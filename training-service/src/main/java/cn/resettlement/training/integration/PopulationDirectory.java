package cn.resettlement.training.integration;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import feign.FeignException;
import feign.RetryableException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.circuitbreaker.NoFallbackAvailableException;
import org.springframework.stereotype.Component;

import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.training.config.TrainingProperties;

/**
 * Who is in the population register, asked of population-service: one call for up to
 * {@value #MAX_LOOKUP} ID numbers. The call is an idempotent read, so a transient failure
 * (connection refused, time-out, 5xx) is retried once; the breaker and time limiter
 * around the Feign call make a down population-service a fast 503 — nobody is ever
 * enrolled or granted without the check.
 */
@Component
public class PopulationDirectory {

	/** population-service answers at most this many ID numbers per call. */
	public static final int MAX_LOOKUP = 1000;

	private static final Logger log = LoggerFactory.getLogger(PopulationDirectory.class);

	private final PopulationClient client;

	private final Retry retry;

	private final Counter calls;

	PopulationDirectory(PopulationClient client, TrainingProperties properties, MeterRegistry meters) {
		this.client = client;
		this.calls = Counter.builder("training.population.lookups")
			.description("Lookup calls made to population-service (each attempt counts)")
			.register(meters);
		this.retry = Retry.of("population-lookup",
				RetryConfig.custom()
					.maxAttempts(Math.max(1, properties.population().lookupAttempts()))
					.waitDuration(properties.population().lookupRetryWait())
					.retryOnException(PopulationDirectory::transientFailure)
					.build());
	}

	/**
	 * Looks up ID numbers (normalised, valid ones).
	 * @return the registered persons among them by ID number; a number that is absent is
	 * not in the register (or, for a township officer, not in their township)
	 * @throws ApiException 503 when population-service cannot answer
	 */
	public Map<String, RegisteredPerson> lookup(Collection<String> idNumbers) {
		if (idNumbers.isEmpty()) {
			return Map.of();
		}
		if (idNumbers.size() > MAX_LOOKUP) {
			throw new IllegalArgumentException("At most " + MAX_LOOKUP + " ID numbers per lookup");
		}
		PopulationClient.LookupRequest request = new PopulationClient.LookupRequest(List.copyOf(idNumbers));
		PopulationClient.LookupResponse response;
		try {
			response = Retry.decorateSupplier(this.retry, () -> {
				this.calls.increment();
				return this.client.lookup(request);
			}).get();
		}
		catch (RuntimeException ex) {
			Throwable cause = unwrap(ex);
			log.warn("population-service lookup failed: {}", cause.toString());
			throw ApiException.dependencyUnavailable("population-service", cause);
		}
		Map<String, RegisteredPerson> persons = new LinkedHashMap<>();
		if (response != null && response.items() != null) {
			for (PopulationClient.Match match : response.items()) {
				persons.put(match.idNumber(), new RegisteredPerson(match.idNumber(), match.migrantId(), match.name(),
						match.householdId(), match.townshipCode(), "ACTIVE".equals(match.status())));
			}
		}
		return persons;
	}

	/**
	 * Asks about one person.
	 * @return the person, when they are an active registered migrant (or member of a
	 * migrant household)
	 * @throws ApiException 422 when they are not, 503 when population-service cannot
	 * answer
	 */
	public RegisteredPerson eligible(String idNumber) {
		RegisteredPerson person = lookup(List.of(idNumber)).get(idNumber);
		String problem = ineligibility(person);
		if (problem != null) {
			throw ApiException.unprocessable((person == null) ? "not-a-migrant" : "migrant-removed",
					"The ID number " + problem + ".");
		}
		return person;
	}

	/**
	 * Why a looked-up person may not be enrolled or granted anything.
	 * @param person the lookup's answer, {@code null} when the number was not found
	 * @return the reason, or {@code null} when they may
	 */
	public static String ineligibility(RegisteredPerson person) {
		if (person == null) {
			return Caller.current().confinedToTownship()
					? "is not a registered migrant or member of a migrant household of your township"
					: "is not a registered migrant or member of a migrant household";
		}
		if (!person.active()) {
			return "belongs to a person removed from the migrant register";
		}
		return null;
	}

	/**
	 * A refused connection, a time-out (a cold or momentarily overloaded population) or a
	 * 5xx is worth one more attempt; an open breaker or a 4xx is not.
	 */
	static boolean transientFailure(Throwable failure) {
		Throwable cause = unwrap(failure);
		return cause instanceof RetryableException || cause instanceof TimeoutException
				|| cause instanceof FeignException.FeignServerException;
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof NoFallbackAvailableException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
