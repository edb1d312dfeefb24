package cn.resettlement.training.funding;

import java.math.BigDecimal;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RestController;

import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.platform.web.Money;
import cn.resettlement.training.trainingclass.TrainingClasses;

/** Fund disbursements (拨付) of a class. Moving money: centre staff only. */
@RestController
@RequestMapping("/api/v1/training/classes/{classId}/disbursements")
class DisbursementController {

	private static final String TEXT = "[^\\p{Cntrl}]*";

	private final FundingManagement management;

	private final Disbursements disbursements;

	private final TrainingClasses classes;

	private final Idempotency idempotency;

	DisbursementController(FundingManagement management, Disbursements disbursements, TrainingClasses classes,
			Idempotency idempotency) {
		this.management = management;
		this.disbursements = disbursements;
		this.classes = classes;
		this.idempotency = idempotency;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
	ResponseEntity<?> disburse(@PathVariable UUID classId,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody DisbursementRequest request) {
		FundingManagement.Disburse command = request.toCommand();
		return this.idempotency.execute(key, request, () -> {
			Disbursement disbursement = this.management.disburse(classId, command);
			return ResponseEntity
				.created(URI.create("/api/v1/training/classes/" + classId + "/disbursements/" + disbursement.id()))
				.body(DisbursementResponse.of(disbursement));
		});
	}

	@GetMapping
	List<DisbursementResponse> disbursements(@PathVariable UUID classId) {
		this.classes.get(classId);
		return this.disbursements.ofClass(classId).stream().map(DisbursementResponse::of).toList();
	}

	record DisbursementRequest(@NotNull BigDecimal amount, @NotNull LocalDate paidOn,
			@NotBlank @Size(max = 50) @Pattern(regexp = TEXT) String voucherNo,
			@Size(max = 500) @Pattern(regexp = TEXT) String overBudgetReason) {

		FundingManagement.Disburse toCommand() {
			String reason = (this.overBudgetReason != null && !this.overBudgetReason.isBlank())
					? this.overBudgetReason.trim() : null;
			return new FundingManagement.Disburse(Money.toPositiveFen("amount", this.amount), this.paidOn,
					this.voucherNo.trim(), reason);
		}

	}

	record DisbursementResponse(UUID id, UUID classId, BigDecimal amount, LocalDate paidOn, String voucherNo,
			boolean overBudget, String overrideReason) {

		static DisbursementResponse of(Disbursement d) {
			return new DisbursementResponse(d.id(), d.classId(), Money.toYuan(d.amountFen()), d.paidOn(), d.voucherNo(),
					d.overBudget(), d.overrideReason());
		}

	}

}
