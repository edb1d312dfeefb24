package cn.resettlement.population.household;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.ETags;
import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/** Households: register, read, list by township. */
@RestController
@RequestMapping("/api/v1/population/households")
class HouseholdController {

	private final HouseholdManagement management;

	private final Households households;

	private final Idempotency idempotency;

	HouseholdController(HouseholdManagement management, Households households, Idempotency idempotency) {
		this.management = management;
		this.households = households;
		this.idempotency = idempotency;
	}

	@PostMapping
	ResponseEntity<?> register(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody RegisterHouseholdRequest request) {
		return this.idempotency.execute(key, request, () -> {
			Household household = this.management.register(request.toCommand());
			return ResponseEntity.created(URI.create("/api/v1/population/households/" + household.id()))
				.eTag(ETags.of(household.version()))
				.body(HouseholdResponse.of(household));
		});
	}

	@GetMapping("/{id}")
	ResponseEntity<HouseholdResponse> household(@PathVariable UUID id) {
		Household household = this.households.find(id).orElseThrow(() -> ApiException.notFound("Household", id));
		Caller.current().requireTownship(household.townshipCode());
		return ResponseEntity.ok().eTag(ETags.of(household.version())).body(HouseholdResponse.of(household));
	}

	@GetMapping
	PageResponse<HouseholdResponse> households(@RequestParam(required = false) String townshipCode,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.households.list(Caller.current().townshipFilter(townshipCode), PageQuery.of(page, size))
			.map(HouseholdResponse::of);
	}

	record RegisterHouseholdRequest(@NotBlank @Size(max = 40) @Pattern(regexp = "[^\\p{Cntrl}]*") String householdNo,
			@NotNull @Pattern(regexp = "[0-9]{9}", message = "must be a 9-digit township code") String townshipCode,
			@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*") String village,
			@Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]*") String reservoir, @NotNull AreaType areaType,
			@NotNull LocalDate relocatedOn, @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*") String address) {

		HouseholdManagement.RegisterHousehold toCommand() {
			return new HouseholdManagement.RegisterHousehold(this.householdNo.trim(), this.townshipCode,
					this.village.trim(), this.reservoir, this.areaType, this.relocatedOn, this.address);
		}

	}

	record HouseholdResponse(UUID id, String householdNo, String townshipCode, String village, String reservoir,
			AreaType areaType, LocalDate relocatedOn, String address) {

		static HouseholdResponse of(Household h) {
			return new HouseholdResponse(h.id(), h.householdNo(), h.townshipCode(), h.village(), h.reservoir(),
					h.areaType(), h.relocatedOn(), h.address());
		}

	}

}
