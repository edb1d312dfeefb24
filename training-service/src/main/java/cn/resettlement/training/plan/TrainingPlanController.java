package cn.resettlement.training.plan;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
import cn.resettlement.training.trainingclass.TrainingCategory;

/**
 * {@code PUT/GET /api/v1/training/plans/{year}}: the annual training plan (年度培训计划) as
 * handed down, per category.
 */
@RestController
@RequestMapping("/api/v1/training/plans")
class TrainingPlanController {

	private final TrainingPlanManagement management;

	private final TrainingPlans plans;

	TrainingPlanController(TrainingPlanManagement management, TrainingPlans plans) {
		this.management = management;
		this.plans = plans;
	}

	@PutMapping("/{year}")
	@PreAuthorize("hasAnyRole('ADMIN','STAFF')")
	ResponseEntity<TrainingPlan> set(@PathVariable int year,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody PlanRequest request) {
		Set<TrainingCategory> seen = EnumSet.noneOf(TrainingCategory.class);
		for (int i = 0; i < request.categories().size(); i++) {
			if (!seen.add(request.categories().get(i).category())) {
				throw ApiException.invalid("categories[" + i + "].category", "appears more than once");
			}
		}
		Long expected = (ifMatch != null) ? ETags.expectedVersion(ifMatch) : null;
		TrainingPlanManagement.Outcome outcome = this.management.set(year,
				request.categories().stream().map(PlanItemRequest::toItem).toList(), expected);
		ResponseEntity.BodyBuilder response = outcome.created()
				? ResponseEntity.created(URI.create("/api/v1/training/plans/" + year)) : ResponseEntity.ok();
		return response.eTag(ETags.of(outcome.plan().version())).body(outcome.plan());
	}

	@GetMapping("/{year}")
	ResponseEntity<TrainingPlan> plan(@PathVariable int year) {
		TrainingPlan plan = this.plans.find(year).orElseThrow(() -> ApiException.notFound("Training plan", year));
		return ResponseEntity.ok().eTag(ETags.of(plan.version())).body(plan);
	}

	record PlanRequest(@NotNull @Size(min = 1, max = 3) List<@NotNull @Valid PlanItemRequest> categories) {
	}

	record PlanItemRequest(@NotNull TrainingCategory category, @NotNull @Min(0) @Max(10_000) Integer plannedClasses,
			@NotNull @Min(0) @Max(1_000_000) Integer plannedPersonTimes) {

		TrainingPlan.Item toItem() {
			return new TrainingPlan.Item(this.category, this.plannedClasses, this.plannedPersonTimes);
		}

	}

}
