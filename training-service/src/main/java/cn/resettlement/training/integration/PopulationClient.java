package cn.resettlement.training.integration;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * population-service's lookup (ID numbers travel in the body, never in the URL). Wrapped
 * by Spring Cloud CircuitBreaker: breaker and time limiter id
 * {@code PopulationClientlookupLookupRequest}. Responses are read tolerantly: fields
 * population adds later are ignored.
 */
@FeignClient(name = "population", url = "${training.population.url}")
interface PopulationClient {

	/** The breaker (and time limiter) id Spring Cloud derives for {@link #lookup}. */
	String LOOKUP_BREAKER = "PopulationClientlookupLookupRequest";

	@PostMapping("/api/v1/population/migrants/lookup")
	LookupResponse lookup(@RequestBody LookupRequest request);

	record LookupRequest(List<String> idNumbers) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record LookupResponse(List<Match> items) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Match(String idNumber, UUID migrantId, String name, UUID householdId, String townshipCode, String status) {
	}

}
