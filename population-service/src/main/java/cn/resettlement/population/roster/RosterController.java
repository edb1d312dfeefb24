package cn.resettlement.population.roster;

import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.web.ApiException;

/**
 * {@code GET /api/v1/population/roster?asOf&after&limit}: the eligible roster, for
 * subsidy-service's payment batches. It carries full ID numbers and card accounts, so
 * only centre staff may read it.
 */
@RestController
@RequestMapping("/api/v1/population/roster")
class RosterController {

	private final Rosters rosters;

	private final RosterProperties properties;

	RosterController(Rosters rosters, RosterProperties properties) {
		this.rosters = rosters;
		this.properties = properties;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	Rosters.RosterPage roster(@RequestParam LocalDate asOf, @RequestParam(required = false) String after,
			@RequestParam(required = false) Integer limit) {
		int size = (limit != null) ? limit : 1000;
		if (size < 1 || size > this.properties.maxLimit()) {
			throw ApiException.invalid("limit", "must be between 1 and " + this.properties.maxLimit());
		}
		return (after == null) ? this.rosters.firstPage(asOf, size) : this.rosters.nextPage(after, asOf, size);
	}

}
