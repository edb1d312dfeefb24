package cn.resettlement.project.asset;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.platform.web.Money;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/**
 * Asset income (资产收益) and dividends (分红): record them (centre staff), list them, and each
 * asset's ledger per year.
 */
@RestController
@RequestMapping("/api/v1/projects")
class AssetController {

	private static final String TEXT = "[^\\p{Cntrl}]*";

	private final AssetManagement management;

	private final AssetLedgers ledgers;

	private final Idempotency idempotency;

	AssetController(AssetManagement management, AssetLedgers ledgers, Idempotency idempotency) {
		this.management = management;
		this.ledgers = ledgers;
		this.idempotency = idempotency;
	}

	@PostMapping("/asset-incomes")
	@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
	ResponseEntity<?> recordIncome(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody IncomeRequest request) {
		AssetManagement.RecordIncome command = new AssetManagement.RecordIncome(request.asset().strip(), request.year(),
				Money.toPositiveFen("amount", request.amount()), request.receivedOn());
		return this.idempotency.execute(key, request, () -> {
			AssetIncome income = this.management.recordIncome(command);
			return ResponseEntity.created(URI.create("/api/v1/projects/asset-incomes/" + income.id()))
				.body(IncomeResponse.of(income));
		});
	}

	@GetMapping("/asset-incomes")
	PageResponse<IncomeResponse> incomes(@RequestParam(required = false) String asset,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.ledgers.incomes(asset, year, PageQuery.of(page, size)).map(IncomeResponse::of);
	}

	@PostMapping("/dividends")
	@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
	ResponseEntity<?> payDividend(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody DividendRequest request) {
		AssetManagement.PayDividend command = new AssetManagement.PayDividend(request.asset().strip(), request.year(),
				Money.toPositiveFen("amount", request.amount()), request.paidOn(), request.recipients());
		return this.idempotency.execute(key, request, () -> {
			Dividend dividend = this.management.payDividend(command);
			return ResponseEntity.created(URI.create("/api/v1/projects/dividends/" + dividend.id()))
				.body(DividendResponse.of(dividend));
		});
	}

	@GetMapping("/dividends")
	PageResponse<DividendResponse> dividends(@RequestParam(required = false) String asset,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.ledgers.dividends(asset, year, PageQuery.of(page, size)).map(DividendResponse::of);
	}

	/** Each asset's income, dividends and undistributed income per year. */
	@GetMapping("/asset-ledgers")
	List<LedgerResponse> ledgers(@RequestParam(required = false) Integer year) {
		return this.ledgers.ledgers(year).stream().map(LedgerResponse::of).toList();
	}

	record IncomeRequest(@NotBlank @Size(max = 100) @Pattern(regexp = TEXT) String asset,
			@NotNull @Min(2000) @Max(2099) Integer year, @NotNull BigDecimal amount, @NotNull LocalDate receivedOn) {
	}

	record DividendRequest(@NotBlank @Size(max = 100) @Pattern(regexp = TEXT) String asset,
			@NotNull @Min(2000) @Max(2099) Integer year, @NotNull BigDecimal amount, @NotNull LocalDate paidOn,
			@NotNull @Min(1) @Max(1_000_000) Integer recipients) {
	}

	record IncomeResponse(UUID id, UUID assetId, String asset, int year, BigDecimal amount, LocalDate receivedOn) {

		static IncomeResponse of(AssetIncome i) {
			return new IncomeResponse(i.id(), AssetLedger.assetId(i.asset()), i.asset(), i.year(),
					Money.toYuan(i.amountFen()), i.receivedOn());
		}

	}

	record DividendResponse(UUID id, UUID assetId, String asset, int year, BigDecimal amount, LocalDate paidOn,
			int recipients) {

		static DividendResponse of(Dividend d) {
			return new DividendResponse(d.id(), AssetLedger.assetId(d.asset()), d.asset(), d.year(),
					Money.toYuan(d.amountFen()), d.paidOn(), d.recipients());
		}

	}

	record LedgerResponse(UUID assetId, String asset, int year, BigDecimal income, BigDecimal dividends,
			BigDecimal undistributed) {

		static LedgerResponse of(AssetLedger l) {
			return new LedgerResponse(AssetLedger.assetId(l.asset()), l.asset(), l.year(), Money.toYuan(l.incomeFen()),
					Money.toYuan(l.dividendsFen()), Money.toYuan(l.undistributedFen()));
		}

	}

}
