package cn.resettlement.subsidy.reissue;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.platform.web.Money;

/**
 * {@code POST /api/v1/subsidies/batches/{id}/reissue}: a supplementary batch (DRAFT) of
 * the batch's failed lines whose payee details were corrected since; it goes through
 * approval, export and results like any batch.
 */
@RestController
@RequestMapping("/api/v1/subsidies/batches")
class ReissueController {

	private final Reissue reissue;

	private final Idempotency idempotency;

	ReissueController(Reissue reissue, Idempotency idempotency) {
		this.reissue = reissue;
		this.idempotency = idempotency;
	}

	@PostMapping("/{id}/reissue")
	@PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
	ResponseEntity<?> reissue(@PathVariable UUID id,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@RequestBody(required = false) ReissueRequest request) {
		boolean includeUnchanged = request != null && Boolean.TRUE.equals(request.includeUnchanged());
		return this.idempotency.execute(key, new Keyed(id, includeUnchanged), () -> {
			Reissue.Result result = this.reissue.reissue(id, includeUnchanged);
			return ResponseEntity.created(URI.create("/api/v1/subsidies/batches/" + result.batch().id()))
				.body(new ReissueResponse(result.batch().id(), result.batch().status().name(),
						result.batch().counts().lines(), Money.toYuan(result.batch().counts().totalFen()),
						result.outcomes(), result.details()));
		});
	}

	/**
	 * @param includeUnchanged also re-issue lines whose details were not corrected (the
	 * bank's failure was temporary)
	 */
	record ReissueRequest(Boolean includeUnchanged) {
	}

	record Keyed(UUID batchId, boolean includeUnchanged) {
	}

	record ReissueResponse(UUID id, String status, int lineCount, BigDecimal totalAmount,
			Map<ReissueRules.Outcome, Integer> outcomes, List<Reissue.Detail> details) {
	}

}
