package cn.resettlement.project.allocation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.ETags;
import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.platform.web.Money;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/**
 * Fund allocations (资金计划下达): record one (centre staff), read and list them with their
 * remaining balance, and a year's balances by category.
 */
@RestController
@RequestMapping("/api/v1/projects/fund-allocations")
class AllocationController {

	static final String TEXT = "[^\\p{Cntrl}]*";

	private final AllocationManagement management;

	private final FundAllocations allocations;

	private final Idempotency idempotency;

	AllocationController(AllocationManagement management, FundAllocations allocations, Idempotency idempotency) {
		this.management = management;
		this.allocations = allocations;
		this.idempotency = idempotency;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
	ResponseEntity<?> allocate(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody AllocationRequest request) {
		AllocationManagement.Allocate command = request.toCommand();
		return this.idempotency.execute(key, request, () -> {
			FundAllocation allocation = this.management.allocate(command);
			return ResponseEntity.created(URI.create("/api/v1/projects/fund-allocations/" + allocation.id()))
				.eTag(ETags.of(allocation.version()))
				.body(AllocationResponse.of(allocation));
		});
	}

	@GetMapping("/{id}")
	ResponseEntity<AllocationResponse> allocation(@PathVariable UUID id) {
		FundAllocation allocation = this.allocations.find(id)
			.orElseThrow(() -> ApiException.notFound("Fund allocation", id));
		return ResponseEntity.ok().eTag(ETags.of(allocation.version())).body(AllocationResponse.of(allocation));
	}

	@GetMapping
	PageResponse<AllocationResponse> allocations(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) AllocationCategory category, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.allocations.list(year, category, PageQuery.of(page, size)).map(AllocationResponse::of);
	}

	/** A year's allocations by category: allocated, drawn by projects, remaining. */
	@GetMapping("/balances")
	BalancesResponse balances(@RequestParam int year) {
		if (year < 2000 || year > 2099) {
			throw ApiException.invalid("year", "must be between 2000 and 2099");
		}
		Map<AllocationCategory, CategoryBalanceResponse> byCategory = new EnumMap<>(AllocationCategory.class);
		long allocated = 0;
		long drawn = 0;
		int count = 0;
		for (FundAllocations.CategoryBalance balance : this.allocations.balances(year)) {
			byCategory.put(balance.category(),
					new CategoryBalanceResponse(balance.allocations(), Money.toYuan(balance.amountFen()),
							Money.toYuan(balance.drawnFen()), Money.toYuan(balance.amountFen() - balance.drawnFen())));
			allocated += balance.amountFen();
			drawn += balance.drawnFen();
			count += balance.allocations();
		}
		return new BalancesResponse(year, count, Money.toYuan(allocated), Money.toYuan(drawn),
				Money.toYuan(allocated - drawn), byCategory);
	}

	record AllocationRequest(@NotNull @Min(2000) @Max(2099) Integer year, @NotNull AllocationCategory category,
			@NotBlank @Size(max = 100) @Pattern(regexp = TEXT) String documentNo,
			@NotBlank @Size(max = 200) @Pattern(regexp = TEXT) String title, @NotNull BigDecimal amount,
			@NotNull LocalDate issuedOn) {

		AllocationManagement.Allocate toCommand() {
			return new AllocationManagement.Allocate(this.year, this.category, this.documentNo.strip(),
					this.title.strip(), Money.toPositiveFen("amount", this.amount), this.issuedOn);
		}

	}

	record AllocationResponse(UUID id, int year, AllocationCategory category, String categoryLabel, String documentNo,
			String title, BigDecimal amount, BigDecimal drawn, BigDecimal remaining, LocalDate issuedOn) {

		static AllocationResponse of(FundAllocation a) {
			return new AllocationResponse(a.id(), a.year(), a.category(), a.category().label(), a.documentNo(),
					a.title(), Money.toYuan(a.amountFen()), Money.toYuan(a.drawnFen()), Money.toYuan(a.remainingFen()),
					a.issuedOn());
		}

	}

	record BalancesResponse(int year, int allocations, BigDecimal allocated, BigDecimal drawn, BigDecimal remaining,
			Map<AllocationCategory, CategoryBalanceResponse> byCategory) {
	}

	record CategoryBalanceResponse(int allocations, BigDecimal allocated, BigDecimal drawn, BigDecimal remaining) {
	}

}
