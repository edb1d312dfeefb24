package cn.resettlement.project.project;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.ETags;
import cn.resettlement.platform.web.Idempotency;
import cn.resettlement.platform.web.Money;
import cn.resettlement.platform.web.PageQuery;
import cn.resettlement.platform.web.PageResponse;
import cn.resettlement.project.allocation.AllocationCategory;

/**
 * Projects: propose, fund, move through the lifecycle, report progress, disburse; read
 * and list them. Township officers work on their own township's projects; approval,
 * acceptance, cancellation, funding and disbursements are for centre staff.
 */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {

	static final String TEXT = "[^\\p{Cntrl}]*";

	private static final String CENTRE = "hasAnyRole('ADMIN','STAFF')";

	private final ProjectManagement management;

	private final Projects projects;

	private final Idempotency idempotency;

	ProjectController(ProjectManagement management, Projects projects, Idempotency idempotency) {
		this.management = management;
		this.projects = projects;
		this.idempotency = idempotency;
	}

	@PostMapping
	ResponseEntity<?> propose(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody ProposeRequest request) {
		ProjectManagement.ProposeProject command = request.toCommand();
		return this.idempotency.execute(key, request, () -> {
			ProjectManagement.ProjectDetails details = this.management.propose(command);
			return ResponseEntity.created(URI.create("/api/v1/projects/" + details.project().id()))
				.eTag(ETags.of(details.project().version()))
				.body(ProjectResponse.of(details));
		});
	}

	@GetMapping("/{id}")
	ResponseEntity<ProjectResponse> project(@PathVariable UUID id) {
		return respond(this.management.details(id));
	}

	@GetMapping
	PageResponse<ProjectResponse> projects(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) ProjectType type, @RequestParam(required = false) String townshipCode,
			@RequestParam(required = false) ProjectStatus status, @RequestParam(required = false) UUID allocationId,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		if (q != null && q.length() > 50) {
			throw ApiException.invalid("q", "must be at most 50 characters");
		}
		Projects.ProjectFilter filter = new Projects.ProjectFilter(year, type,
				Caller.current().townshipFilter(townshipCode), status, allocationId, q);
		PageResponse<Project> found = this.projects.list(filter, PageQuery.of(page, size));
		Map<UUID, List<FundingLine>> fundings = this.projects
			.fundings(found.items().stream().map(Project::id).toList());
		return found.map((p) -> ProjectResponse.of(p, fundings.getOrDefault(p.id(), List.of())));
	}

	@PostMapping("/{id}/fundings")
	@PreAuthorize(CENTRE)
	ResponseEntity<?> fund(@PathVariable UUID id,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody FundingBody request) {
		ProjectManagement.AddFunding command = new ProjectManagement.AddFunding(request.allocationId(),
				Money.toPositiveFen("amount", request.amount()));
		return this.idempotency.execute(key, request,
				() -> respond(this.management.fund(id, version(ifMatch), command)));
	}

	@PostMapping("/{id}/approve")
	@PreAuthorize(CENTRE)
	ResponseEntity<ProjectResponse> approve(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody ApproveRequest request) {
		return respond(this.management.approve(id, version(ifMatch), new ProjectManagement.Approve(request.approvedOn(),
				strip(request.documentNo()), request.noticeStartOn(), request.noticeEndOn())));
	}

	@PostMapping("/{id}/start")
	ResponseEntity<ProjectResponse> start(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody(required = false) StartRequest request) {
		return respond(this.management.start(id, version(ifMatch), (request != null) ? request.startedOn() : null));
	}

	@PostMapping("/{id}/complete")
	ResponseEntity<ProjectResponse> complete(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody(required = false) CompleteRequest request) {
		return respond(
				this.management.complete(id, version(ifMatch), (request != null) ? request.completedOn() : null));
	}

	@PostMapping("/{id}/accept")
	@PreAuthorize(CENTRE)
	ResponseEntity<ProjectResponse> accept(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody(required = false) AcceptRequest request) {
		return respond(this.management.accept(id, version(ifMatch), (request != null) ? request.acceptedOn() : null,
				(request != null) ? strip(request.documentNo()) : null));
	}

	@PostMapping("/{id}/cancel")
	@PreAuthorize(CENTRE)
	ResponseEntity<ProjectResponse> cancel(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody CancelRequest request) {
		return respond(this.management.cancel(id, version(ifMatch), request.cancelledOn(), request.reason().strip()));
	}

	@PostMapping("/{id}/progress")
	ResponseEntity<?> report(@PathVariable UUID id,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody ProgressRequest request) {
		ProjectManagement.ReportProgress command = new ProjectManagement.ReportProgress(request.reportedOn(),
				request.progressPercent(), Money.toFen("investmentCompleted", request.investmentCompleted()),
				strip(request.note()));
		return this.idempotency.execute(key, request, () -> {
			ProgressReport report = this.management.report(id, command);
			return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/progress/" + report.id()))
				.body(ProgressResponse.of(report));
		});
	}

	@GetMapping("/{id}/progress")
	List<ProgressResponse> progress(@PathVariable UUID id) {
		this.management.details(id);
		return this.projects.reports(id).stream().map(ProgressResponse::of).toList();
	}

	@PostMapping("/{id}/disbursements")
	@PreAuthorize(CENTRE)
	ResponseEntity<?> disburse(@PathVariable UUID id,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key,
			@Valid @RequestBody DisbursementRequest request) {
		ProjectManagement.Disburse command = new ProjectManagement.Disburse(
				Money.toPositiveFen("amount", request.amount()), request.paidOn(), request.voucherNo().strip());
		return this.idempotency.execute(key, request, () -> {
			Disbursement disbursement = this.management.disburse(id, command);
			return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/disbursements/" + disbursement.id()))
				.body(DisbursementResponse.of(disbursement));
		});
	}

	@GetMapping("/{id}/disbursements")
	List<DisbursementResponse> disbursements(@PathVariable UUID id) {
		this.management.details(id);
		return this.projects.disbursements(id).stream().map(DisbursementResponse::of).toList();
	}

	private static ResponseEntity<ProjectResponse> respond(ProjectManagement.ProjectDetails details) {
		return ResponseEntity.ok().eTag(ETags.of(details.project().version())).body(ProjectResponse.of(details));
	}

	private static Long version(String ifMatch) {
		return (ifMatch != null) ? ETags.expectedVersion(ifMatch) : null;
	}

	private static String strip(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	record ProposeRequest(@NotBlank @Size(max = 50) @Pattern(regexp = TEXT) String code,
			@NotBlank @Size(max = 200) @Pattern(regexp = TEXT) String name, @NotNull ProjectType type,
			@NotNull @Pattern(regexp = "[0-9]{9}", message = "must be a 9-digit township code") String townshipCode,
			@Size(max = 100) @Pattern(regexp = TEXT) String village, @NotNull @Min(2000) @Max(2099) Integer year,
			@NotNull BigDecimal budget, @Size(max = 200) @Pattern(regexp = TEXT) String implementingUnit,
			@Min(0) @Max(1_000_000) Integer beneficiaryHouseholds, @Min(0) @Max(1_000_000) Integer beneficiaryPersons,
			@Min(0) @Max(1_000_000) Integer relocatedHouseholds, @Min(0) @Max(1_000_000) Integer relocatedPersons,
			@Size(max = 20) List<@NotNull @Valid FundingBody> fundings) {

		ProjectManagement.ProposeProject toCommand() {
			List<ProjectManagement.FundingRequest> lines = new ArrayList<>();
			if (this.fundings != null) {
				for (int i = 0; i < this.fundings.size(); i++) {
					FundingBody funding = this.fundings.get(i);
					lines.add(new ProjectManagement.FundingRequest(funding.allocationId(),
							Money.toPositiveFen("fundings[" + i + "].amount", funding.amount())));
				}
			}
			return new ProjectManagement.ProposeProject(this.code.strip(), this.name.strip(), this.type,
					this.townshipCode, strip(this.village), this.year, Money.toPositiveFen("budget", this.budget),
					strip(this.implementingUnit), new Beneficiaries(this.beneficiaryHouseholds, this.beneficiaryPersons,
							this.relocatedHouseholds, this.relocatedPersons),
					lines);
		}

	}

	record FundingBody(@NotNull UUID allocationId, @NotNull BigDecimal amount) {
	}

	record ApproveRequest(@NotNull LocalDate approvedOn, @Size(max = 100) @Pattern(regexp = TEXT) String documentNo,
			@NotNull LocalDate noticeStartOn, @NotNull LocalDate noticeEndOn) {
	}

	record StartRequest(LocalDate startedOn) {
	}

	record CompleteRequest(LocalDate completedOn) {
	}

	record AcceptRequest(LocalDate acceptedOn, @Size(max = 100) @Pattern(regexp = TEXT) String documentNo) {
	}

	record CancelRequest(LocalDate cancelledOn, @NotBlank @Size(max = 500) String reason) {
	}

	record ProgressRequest(@NotNull LocalDate reportedOn, @NotNull @Min(0) @Max(100) Integer progressPercent,
			@NotNull BigDecimal investmentCompleted, @Size(max = 500) String note) {
	}

	record DisbursementRequest(@NotNull BigDecimal amount, @NotNull LocalDate paidOn,
			@NotBlank @Size(max = 100) @Pattern(regexp = TEXT) String voucherNo) {
	}

	record FundingResponse(UUID id, UUID allocationId, AllocationCategory category, int allocationYear,
			String documentNo, BigDecimal amount, BigDecimal spent, BigDecimal released, BigDecimal available) {

		static FundingResponse of(FundingLine l) {
			return new FundingResponse(l.id(), l.allocationId(), l.category(), l.allocationYear(), l.documentNo(),
					Money.toYuan(l.amountFen()), Money.toYuan(l.spentFen()), Money.toYuan(l.releasedFen()),
					Money.toYuan(l.availableFen()));
		}

	}

	record ProjectResponse(UUID id, String code, String name, ProjectType type, String townshipCode, String village,
			int year, BigDecimal budget, String implementingUnit, Integer beneficiaryHouseholds,
			Integer beneficiaryPersons, Integer relocatedHouseholds, Integer relocatedPersons, ProjectStatus status,
			BigDecimal funding, BigDecimal disbursed, BigDecimal undisbursed, int progressPercent,
			BigDecimal investmentCompleted, LocalDate lastReportedOn, LocalDate proposedOn, LocalDate approvedOn,
			String approvalDocumentNo, LocalDate noticeStartOn, LocalDate noticeEndOn, LocalDate startedOn,
			LocalDate completedOn, LocalDate acceptedOn, String acceptanceDocumentNo, LocalDate cancelledOn,
			List<FundingResponse> fundings) {

		static ProjectResponse of(ProjectManagement.ProjectDetails details) {
			return of(details.project(), details.fundings());
		}

		static ProjectResponse of(Project p, List<FundingLine> fundings) {
			Milestones m = p.milestones();
			Beneficiaries b = p.beneficiaries();
			return new ProjectResponse(p.id(), p.code(), p.name(), p.type(), p.townshipCode(), p.village(), p.year(),
					Money.toYuan(p.budgetFen()), p.implementingUnit(), b.households(), b.persons(),
					b.relocatedHouseholds(), b.relocatedPersons(), p.status(), Money.toYuan(p.fundingFen()),
					Money.toYuan(p.disbursedFen()), Money.toYuan(p.undisbursedFen()), p.progressPercent(),
					Money.toYuan(p.investmentCompletedFen()), p.lastReportedOn(), m.proposedOn(), m.approvedOn(),
					m.approvalDocumentNo(), m.noticeStartOn(), m.noticeEndOn(), m.startedOn(), m.completedOn(),
					m.acceptedOn(), m.acceptanceDocumentNo(), m.cancelledOn(),
					fundings.stream().map(FundingResponse::of).toList());
		}

	}

	record ProgressResponse(UUID id, int sequence, LocalDate reportedOn, int progressPercent,
			BigDecimal investmentCompleted, String note) {

		static ProgressResponse of(ProgressReport r) {
			return new ProgressResponse(r.id(), r.seq(), r.reportedOn(), r.progressPercent(),
					Money.toYuan(r.investmentCompletedFen()), r.note());
		}

	}

	record SourceResponse(UUID allocationId, AllocationCategory category, int allocationYear, BigDecimal amount) {

		static SourceResponse of(AllocationShare s) {
			return new SourceResponse(s.allocationId(), s.category(), s.allocationYear(), Money.toYuan(s.amountFen()));
		}

	}

	record DisbursementResponse(UUID id, BigDecimal amount, LocalDate paidOn, String voucherNo,
			List<SourceResponse> sources) {

		static DisbursementResponse of(Disbursement d) {
			return new DisbursementResponse(d.id(), Money.toYuan(d.amountFen()), d.paidOn(), d.voucherNo(),
					d.sources().stream().map(SourceResponse::of).toList());
		}

	}

}
