package cn.resettlement.training.trainingclass;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
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

import cn.resettlement.platform.web.ETags;
import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.platform.web.Money;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;

/** Training classes: open, read, list, cancel. Classes hold no personal data. */
@RestController
@RequestMapping("/api/v1/training/classes")
class TrainingClassController {

	static final String TEXT = "[^\\p{Cntrl}]*";

	private final TrainingClassManagement management;

	private final TrainingClasses classes;

	private final Idempotency idempotency;

	TrainingClassController(TrainingClassManagement management, TrainingClasses classes, Idempotency idempotency) {
		this.management = management;
		this.classes = classes;
		this.idempotency = idempotency;
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
	ResponseEntity<?> open(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody OpenClassRequest request) {
		TrainingClassManagement.OpenClass command = request.toCommand();
		return this.idempotency.execute(key, request, () -> {
			TrainingClass opened = this.management.open(command);
			return ResponseEntity.created(URI.create("/api/v1/training/classes/" + opened.id()))
				.eTag(ETags.of(opened.version()))
				.body(ClassResponse.of(opened));
		});
	}

	@GetMapping("/{id}")
	ResponseEntity<ClassResponse> trainingClass(@PathVariable UUID id) {
		TrainingClass found = this.classes.get(id);
		return ResponseEntity.ok().eTag(ETags.of(found.version())).body(ClassResponse.of(found));
	}

	@GetMapping
	PageResponse<ClassResponse> list(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) TrainingCategory category,
			@RequestParam(required = false) ClassStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.classes.list(year, category, status, PageQuery.of(page, size)).map(ClassResponse::of);
	}

	@PostMapping("/{id}/cancel")
	@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
	ResponseEntity<ClassResponse> cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request) {
		TrainingClass cancelled = this.management.cancel(id, request.reason().trim());
		return ResponseEntity.ok().eTag(ETags.of(cancelled.version())).body(ClassResponse.of(cancelled));
	}

	record OpenClassRequest(@NotNull TrainingCategory category,
			@NotBlank @Size(max = 100) @Pattern(regexp = TEXT) String title, @NotNull Integer year,
			@NotNull LocalDate startDate, @NotNull LocalDate endDate,
			@NotBlank @Size(max = 200) @Pattern(regexp = TEXT) String location,
			@NotBlank @Size(max = 200) @Pattern(regexp = TEXT) String provider, @NotNull BigDecimal budget) {

		TrainingClassManagement.OpenClass toCommand() {
			return new TrainingClassManagement.OpenClass(this.category, this.title.trim(), this.year, this.startDate,
					this.endDate, this.location.trim(), this.provider.trim(),
					Money.toPositiveFen("budget", this.budget));
		}

	}

	record CancelRequest(@NotBlank @Size(max = 500) @Pattern(regexp = TEXT) String reason) {
	}

	/**
	 * A class as clients see it; money in yuan.
	 */
	record ClassResponse(UUID id, TrainingCategory category, String title, int year, LocalDate startDate,
			LocalDate endDate, String location, String provider, BigDecimal budget, BigDecimal disbursed,
			BigDecimal remainingBudget, ClassStatus status, LocalDate completedOn, long enrolled, long completed) {

		static ClassResponse of(TrainingClass c) {
			return new ClassResponse(c.id(), c.category(), c.title(), c.year(), c.startDate(), c.endDate(),
					c.location(), c.provider(), Money.toYuan(c.budgetFen()), Money.toYuan(c.disbursedFen()),
					Money.toYuan(Math.max(0, c.budgetFen() - c.disbursedFen())), c.status(), c.completedOn(),
					c.enrolled(), c.completed());
		}

	}

}
