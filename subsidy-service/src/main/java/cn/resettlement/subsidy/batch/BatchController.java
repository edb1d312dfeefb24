package cn.resettlement.subsidy.batch;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import cn.resettlement.platform.web.ETags;
import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.platform.web.Masking;
import cn.resettlement.platform.web.Money;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/**
 * Disbursement batches (发放批次): generate from the roster, approve (four-eyes), close; read
 * batches and their lines (township officers see their township's lines only, card
 * accounts and ID numbers masked).
 */
@RestController
@RequestMapping("/api/v1/subsidies/batches")
class BatchController {

	static final String BASE = "/api/v1/subsidies";

	private final BatchManagement management;

	private final Batches batches;

	private final Lines lines;

	private final Idempotency idempotency;

	BatchController(BatchManagement management, Batches batches, Lines lines, Idempotency idempotency) {
		this.management = management;
		this.batches = batches;
		this.lines = lines;
		this.idempotency = idempotency;
	}

	/**
	 * 201 with the DRAFT batch when generated at once; 202 with the GENERATING batch and
	 * a Location of the job when the roster is large or the client sent
	 * {@code Prefer: respond-async}.
	 */
	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	ResponseEntity<?> create(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@RequestHeader(name = "Prefer", required = false) String prefer,
			@Valid @RequestBody CreateBatchRequest request) {
		boolean async = prefer != null && prefer.toLowerCase().contains("respond-async");
		return this.idempotency.execute(key, request, () -> {
			BatchManagement.Created created = this.management.create(request.year(), request.period(), request.asOf(),
					async);
			BatchResponse body = BatchResponse.of(created.batch());
			if (created.job() == null) {
				return ResponseEntity.created(URI.create(BASE + "/batches/" + created.batch().id()))
					.eTag(ETags.of(created.batch().version()))
					.body(body);
			}
			return ResponseEntity.accepted().location(URI.create(BASE + "/jobs/" + created.job().id())).body(body);
		});
	}

	@GetMapping
	PageResponse<BatchResponse> list(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String period, @RequestParam(required = false) BatchStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.batches.list(year, period, status, PageQuery.of(page, size)).map(BatchResponse::of);
	}

	@GetMapping("/{id}")
	ResponseEntity<BatchResponse> get(@PathVariable UUID id) {
		Batch batch = this.management.view(id);
		return ResponseEntity.ok().eTag(ETags.of(batch.version())).body(BatchResponse.of(batch));
	}

	@PostMapping("/{id}/approve")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	ResponseEntity<BatchResponse> approve(@PathVariable UUID id) {
		Batch batch = this.management.approve(id);
		return ResponseEntity.ok().eTag(ETags.of(batch.version())).body(BatchResponse.of(batch));
	}

	@PostMapping("/{id}/close")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	ResponseEntity<BatchResponse> close(@PathVariable UUID id) {
		Batch batch = this.management.close(id);
		return ResponseEntity.ok().eTag(ETags.of(batch.version())).body(BatchResponse.of(batch));
	}

	/** Lines are always masked: the full card accounts go to the bank file only. */
	@GetMapping("/{id}/lines")
	PageResponse<LineResponse> lines(@PathVariable UUID id, @RequestParam(required = false) String townshipCode,
			@RequestParam(required = false) LineStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		Batch batch = this.management.view(id);
		String township = Caller.current().townshipFilter(townshipCode);
		return this.lines.list(id, township, status, PageQuery.of(page, size))
			.map((line) -> LineResponse.of(batch, line));
	}

	/**
	 * @param year year of the period
	 * @param period {@code 2024}, {@code 2024-H1} or {@code 2024-Q3}
	 * @param asOf roster date; the period's first day (the default) is the only one
	 * accepted
	 */
	record CreateBatchRequest(@NotNull @Min(2000) @Max(2100) Integer year, @NotBlank @Size(max = 7) String period,
			LocalDate asOf) {
	}

	record BatchResponse(UUID id, long batchNo, int year, String period, LocalDate periodStart, LocalDate periodEnd,
			BatchKind kind, UUID parentBatchId, LocalDate asOf, BatchStatus status, int lineCount,
			BigDecimal totalAmount, int paidCount, BigDecimal paidAmount, int failedCount, BigDecimal failedAmount,
			int pendingCount, BigDecimal annualAmount, Long rosterTotal, int alreadyCovered, int withoutCardAccount,
			int notPayable, String failureMessage, UUID jobId, String createdBy, Instant createdAt, String approvedBy,
			Instant approvedAt, Instant exportedAt, Instant closedAt) {

		static BatchResponse of(Batch b) {
			Batch.Counts c = b.counts();
			return new BatchResponse(b.id(), b.batchNo(), b.year(), b.period(), b.parsedPeriod().start(),
					b.parsedPeriod().end(), b.kind(), b.parentBatchId(), b.asOf(), b.status(), c.lines(),
					Money.toYuan(c.totalFen()), c.paid(), Money.toYuan(c.paidFen()), c.failed(),
					Money.toYuan(c.failedFen()), c.pending(), Money.toYuan(b.annualAmountFen()), b.rosterTotal(),
					b.alreadyCovered(), b.withoutCard(), b.notPayable(), b.failureMessage(), b.jobId(), b.createdBy(),
					b.createdAt(), b.approvedBy(), b.approvedAt(), b.exportedAt(), b.closedAt());
		}

	}

	record LineResponse(UUID id, String lineRef, UUID migrantId, String idNumber, String name, String townshipCode,
			String village, String householdNo, String cardAccount, int months, BigDecimal amount, LineStatus status,
			LocalDate paidOn, String failureReason, UUID reissueOf, UUID reissuedAs) {

		static LineResponse of(Batch batch, Lines.Line l) {
			return new LineResponse(l.id(), batch.lineRef(l.lineNo()), l.migrantId(), Masking.idNumber(l.idNumber()),
					l.name(), l.townshipCode(), l.village(), l.householdNo(), Masking.cardAccount(l.cardAccount()),
					l.months(), Money.toYuan(l.amountFen()), l.status(), l.paidOn(), l.failureReason(), l.reissueOf(),
					l.supersededBy());
		}

	}

}
