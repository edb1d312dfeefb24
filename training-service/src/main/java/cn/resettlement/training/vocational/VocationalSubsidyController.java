package cn.resettlement.training.vocational;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.web.IdNumbers;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.platform.web.Masking;
import cn.resettlement.platform.web.Money;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;
import cn.resettlement.training.integration.PopulationDirectory;
import cn.resettlement.training.integration.RegisteredPerson;

/**
 * Vocational-education subsidies. Granting moves money: centre staff only. Township
 * officers read their township's grants.
 */
@RestController
@RequestMapping("/api/v1/training/vocational-subsidies")
class VocationalSubsidyController {

	private static final String TEXT = "[^\\p{Cntrl}]*";

	private final VocationalSubsidyManagement management;

	private final VocationalSubsidies subsidies;

	private final PopulationDirectory population;

	private final Idempotency idempotency;

	VocationalSubsidyController(VocationalSubsidyManagement management, VocationalSubsidies subsidies,
			PopulationDirectory population, Idempotency idempotency) {
		this.management = management;
		this.subsidies = subsidies;
		this.population = population;
		this.idempotency = idempotency;
	}

	/**
	 * The request is checked first, then the student with population-service (outside any
	 * transaction), then the grant is written.
	 */
	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
	ResponseEntity<?> grant(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody GrantRequest request) {
		String idNumber = validIdNumber(request.idNumber());
		VocationalSubsidyManagement.Grant grant = request.toGrant();
		VocationalSubsidyManagement.Terms terms = this.management.terms(grant);
		RegisteredPerson student = this.population.eligible(idNumber);
		return this.idempotency.execute(key, request, () -> {
			VocationalSubsidy subsidy = this.management.grant(student, grant, terms);
			return ResponseEntity.created(URI.create("/api/v1/training/vocational-subsidies/" + subsidy.id()))
				.body(SubsidyResponse.of(subsidy, true));
		});
	}

	@GetMapping("/{id}")
	SubsidyResponse subsidy(@PathVariable UUID id) {
		VocationalSubsidy subsidy = this.subsidies.find(id)
			.orElseThrow(() -> ApiException.notFound("Vocational subsidy", id));
		Caller caller = Caller.current();
		caller.requireTownship(subsidy.townshipCode());
		return SubsidyResponse.of(subsidy, caller.seesPersonalData());
	}

	/** Lists are always masked. */
	@GetMapping
	PageResponse<SubsidyResponse> list(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String townshipCode, @RequestParam(required = false) Boolean lateClaim,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageQuery query = PageQuery.of(page, size);
		return this.subsidies.list(year, Caller.current().townshipFilter(townshipCode), lateClaim, query)
			.map((s) -> SubsidyResponse.of(s, false));
	}

	/** A student's grants, by ID number in the body (never in the URL). */
	@PostMapping("/search")
	List<SubsidyResponse> search(@Valid @RequestBody SearchRequest request) {
		String idNumber = validIdNumber(request.idNumber());
		Caller caller = Caller.current();
		return this.subsidies.ofStudent(idNumber, caller.townshipFilter(null))
			.stream()
			.map((s) -> SubsidyResponse.of(s, caller.seesPersonalData()))
			.toList();
	}

	private static String validIdNumber(String raw) {
		String problem = IdNumbers.problem(raw).orElse(null);
		if (problem != null) {
			throw ApiException.invalid("idNumber", problem);
		}
		return IdNumbers.normalize(raw);
	}

	record GrantRequest(@NotNull @Size(max = 18) String idNumber,
			@NotBlank @Size(max = 100) @Pattern(regexp = TEXT) String school,
			@NotBlank @Size(max = 100) @Pattern(regexp = TEXT) String programme, @NotNull VocationalLevel level,
			@NotNull @Size(max = 9) String academicYear, @NotNull Integer year, BigDecimal amount, Boolean lateClaim) {

		VocationalSubsidyManagement.Grant toGrant() {
			return new VocationalSubsidyManagement.Grant(this.school.trim(), this.programme.trim(), this.level,
					this.academicYear, this.year, this.amount, this.lateClaim);
		}

	}

	record SearchRequest(@NotNull @Size(max = 18) String idNumber) {
	}

	record SubsidyResponse(UUID id, String idNumber, String name, String townshipCode, String school, String programme,
			VocationalLevel level, String academicYear, int year, BigDecimal amount, boolean lateClaim) {

		static SubsidyResponse of(VocationalSubsidy s, boolean full) {
			return new SubsidyResponse(s.id(), full ? s.idNumber() : Masking.idNumber(s.idNumber()), s.name(),
					s.townshipCode(), s.school(), s.programme(), s.level(), s.academicYear(), s.year(),
					Money.toYuan(s.amountFen()), s.lateClaim());
		}

	}

}
