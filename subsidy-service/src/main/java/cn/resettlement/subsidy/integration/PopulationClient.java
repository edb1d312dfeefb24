package cn.resettlement.subsidy.integration;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * population-service's roster, over OpenFeign. Every call runs behind a Resilience4j
 * circuit breaker with a time limit (group {@code population}); the caller's bearer token
 * is relayed. Keep it thin: retries and error mapping live in {@link Population}.
 */
@FeignClient(name = "population", url = "${subsidy.population.url}", path = "/api/v1/population")
interface PopulationClient {

	/**
	 * Takes a consistent snapshot of the roster as of a date and returns its first page.
	 */
	@GetMapping("/roster")
	RosterPage firstRosterPage(@RequestParam("asOf") String asOf, @RequestParam("limit") int limit);

	/** A further page of a snapshot. */
	@GetMapping("/roster")
	RosterPage nextRosterPage(@RequestParam("asOf") String asOf, @RequestParam("after") String after,
			@RequestParam("limit") int limit);

}
