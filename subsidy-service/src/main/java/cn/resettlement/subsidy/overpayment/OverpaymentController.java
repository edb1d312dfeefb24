package cn.resettlement.subsidy.overpayment;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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

import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.ETags;
import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.platform.web.Masking;
import cn.resettlement.platform.web.Money;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;
import cn.resettlement.subsidy.config.SubsidyProperties;

/**
 * Overpayment recovery (追缴多领资金): claims opened from population's adjustments, their
 * recoveries and write-offs. Township officers see and recover their township's claims.
 */
@RestController
@RequestMapping("/api/v1/subsidies/overpayments")
class OverpaymentController {

	private static final String TEXT = "[^\\p{Cntrl}]*";

	private final Claims claims;

	private final ClaimManagement management;

	private final Idempotency idempotency;

	private final Clock clock;

	private final SubsidyProperties properties;

	OverpaymentController(Claims claims, ClaimManagement management, Idempotency idempotency, Clock clock,
			SubsidyProperties properties) {
		this.claims = claims;
		this.management = management;
		this.idempotency = idempotency;
		this.clock = clock;
		this.properties = properties;
	}

	@GetMapping
	PageResponse<ClaimResponse> list(@RequestParam(required = false) ClaimStatus status,
			@RequestParam(required = false) String townshipCode, @RequestParam(required = false) UUID migrantId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		LocalDate today = today();
		return this.claims
			.list(status, Caller.current().townshipFilter(townshipCode), migrantId, PageQuery.of(page, size))
			.map((claim) -> ClaimResponse.of(claim, List.of(), List.of(), today));
	}

	@GetMapping("/{id}")
	ResponseEntity<ClaimResponse> get(@PathVariable UUID id) {
		Claim claim = this.claims.find(id).orElseThrow(() -> ApiException.notFound("Overpayment claim", id));
		Caller.current().requireTownship(claim.townshipCode());
		return ResponseEntity.ok()
			.eTag(ETags.of(claim.version()))
			.body(ClaimResponse.of(claim, this.claims.lines(id), this.claims.recoveries(id), today()));
	}

	@PostMapping("/{id}/recoveries")
	ResponseEntity<?> recover(@PathVariable UUID id,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody RecoveryRequest request) {
		long amount = Money.toPositiveFen("amount", request.amount());
		return this.idempotency.execute(key, request, () -> {
			ClaimManagement.Recorded recorded = this.management.recover(id, amount, request.recoveredOn(),
					(request.receiptNo() != null) ? request.receiptNo().strip() : null);
			return ResponseEntity
				.created(URI.create("/api/v1/subsidies/overpayments/" + id + "/recoveries/" + recorded.recoveryId()))
				.body(new RecoveryResponse(recorded.recoveryId(), Money.toYuan(amount), request.recoveredOn(),
						request.receiptNo(), ClaimResponse.of(recorded.claim(), List.of(), List.of(), today())));
		});
	}

	@PostMapping("/{id}/write-off")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	ResponseEntity<ClaimResponse> writeOff(@PathVariable UUID id, @Valid @RequestBody WriteOffRequest request) {
		Claim claim = this.management.writeOff(id, request.writtenOffOn(), request.reason().strip());
		return ResponseEntity.ok()
			.eTag(ETags.of(claim.version()))
			.body(ClaimResponse.of(claim, this.claims.lines(id), this.claims.recoveries(id), today()));
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(this.properties.zone()));
	}

	/**
	 * @param amount yuan recovered (partial allowed)
	 * @param recoveredOn date the money came back
	 * @param receiptNo receipt number
	 */
	record RecoveryRequest(@NotNull BigDecimal amount, @NotNull LocalDate recoveredOn,
			@Size(max = 50) @Pattern(regexp = TEXT) String receiptNo) {
	}

	/**
	 * @param writtenOffOn date of the decision
	 * @param reason why the rest will not be recovered
	 */
	record WriteOffRequest(@NotNull LocalDate writtenOffOn,
			@NotBlank @Size(max = 500) @Pattern(regexp = TEXT) String reason) {
	}

	record RecoveryResponse(UUID id, BigDecimal amount, LocalDate recoveredOn, String receiptNo, ClaimResponse claim) {
	}

	record ClaimResponse(UUID id, UUID migrantId, String idNumber, String name, String townshipCode, String village,
			String cause, LocalDate effectiveDate, BigDecimal amount, BigDecimal recovered, BigDecimal writtenOff,
			BigDecimal outstanding, ClaimStatus status, LocalDate openedOn, LocalDate dueOn, boolean overdue,
			String writeOffReason, LocalDate writtenOffOn, List<LineResponse> lines, List<RecoveryLine> recoveries) {

		static ClaimResponse of(Claim c, List<ClaimedLine> lines, List<Claims.Recovery> recoveries, LocalDate today) {
			return new ClaimResponse(c.id(), c.migrantId(), Masking.idNumber(c.idNumber()), c.name(), c.townshipCode(),
					c.village(), c.cause(), c.effectiveDate(), Money.toYuan(c.amountFen()),
					Money.toYuan(c.recoveredFen()), Money.toYuan(c.writtenOffFen()), Money.toYuan(c.outstandingFen()),
					c.status(), c.openedOn(), c.dueOn(), c.status() == ClaimStatus.OPEN && today.isAfter(c.dueOn()),
					c.writeOffReason(), c.writtenOffOn(),
					lines.stream()
						.map((l) -> new LineResponse(l.lineId(), l.batchId(), l.period(), Money.toYuan(l.amountFen())))
						.toList(),
					recoveries.stream()
						.map((r) -> new RecoveryLine(r.id(), Money.toYuan(r.amountFen()), r.recoveredOn(),
								r.receiptNo(), r.recordedBy(), r.recordedAt()))
						.toList());
		}

	}

	record LineResponse(UUID lineId, UUID batchId, String period, BigDecimal amount) {
	}

	record RecoveryLine(UUID id, BigDecimal amount, LocalDate recoveredOn, String receiptNo, String recordedBy,
			Instant recordedAt) {
	}

}
