package cn.resettlement.subsidy.policy;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.ETags;
import cn.resettlement.platform.web.Money;

/**
 * {@code PUT/GET /api/v1/subsidies/policies/{year}}: the annual amount per person (600
 * yuan unless set otherwise) and the payment frequency of a year.
 */
@RestController
@RequestMapping("/api/v1/subsidies/policies")
class PolicyController {

	private static final BigDecimal DEFAULT_ANNUAL_AMOUNT = new BigDecimal("600");

	private final PolicyManagement management;

	private final Policies policies;

	PolicyController(PolicyManagement management, Policies policies) {
		this.management = management;
		this.policies = policies;
	}

	@PutMapping("/{year}")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	ResponseEntity<PolicyResponse> set(@PathVariable int year,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody PolicyRequest request) {
		if (year < 2000 || year > 2100) {
			throw ApiException.invalid("year", "must be between 2000 and 2100");
		}
		long annual = Money.toPositiveFen("annualAmount",
				(request.annualAmount() != null) ? request.annualAmount() : DEFAULT_ANNUAL_AMOUNT);
		Frequency frequency = (request.frequency() != null) ? request.frequency() : Frequency.ANNUAL;
		PolicyManagement.Result result = this.management.set(year, annual, frequency, ifMatch);
		ResponseEntity.BodyBuilder response = result.created()
				? ResponseEntity.created(URI.create("/api/v1/subsidies/policies/" + year)) : ResponseEntity.ok();
		return response.eTag(ETags.of(result.policy().version())).body(PolicyResponse.of(result.policy()));
	}

	@GetMapping("/{year}")
	ResponseEntity<PolicyResponse> get(@PathVariable int year) {
		SubsidyPolicy policy = this.policies.find(year)
			.orElseThrow(() -> ApiException.notFound("The subsidy policy of", year));
		return ResponseEntity.ok().eTag(ETags.of(policy.version())).body(PolicyResponse.of(policy));
	}

	/**
	 * @param annualAmount yuan per person and year; 600 when omitted
	 * @param frequency ANNUAL when omitted
	 */
	record PolicyRequest(BigDecimal annualAmount, Frequency frequency) {
	}

	record PolicyResponse(int year, BigDecimal annualAmount, Frequency frequency, List<String> periods,
			BigDecimal periodAmount) {

		static PolicyResponse of(SubsidyPolicy policy) {
			return new PolicyResponse(policy.year(), Money.toYuan(policy.annualAmountFen()), policy.frequency(),
					Period.of(policy.year(), policy.frequency()).stream().map(Period::code).toList(),
					Money.toYuan(PolicyManagement.periodAmount(policy)));
		}

	}

}
