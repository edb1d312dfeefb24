package cn.resettlement.project.project;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.resettlement.platform.audit.AuditTrail;
import cn.resettlement.platform.config.PlatformProperties;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.platform.security.Caller;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.project.BusinessDates;
import cn.resettlement.project.allocation.AllocationManagement;
import cn.resettlement.project.allocation.FundAllocation;

/**
 * Proposes projects with their funding lines, moves them through their lifecycle, records
 * progress and disbursements. Every change locks the project row, so the checks on its
 * counters see the latest state; draws from allocations are conditional updates in the
 * same transaction, taken in allocation-id order so that two proposals never deadlock.
 */
@Service
public class ProjectManagement {

	private final Projects projects;

	private final AllocationManagement allocations;

	private final Outbox outbox;

	private final AuditTrail audit;

	private final Clock clock;

	private final String unitCode;

	ProjectManagement(Projects projects, AllocationManagement allocations, Outbox outbox, AuditTrail audit, Clock clock,
			PlatformProperties properties) {
		this.projects = projects;
		this.allocations = allocations;
		this.outbox = outbox;
		this.audit = audit;
		this.clock = clock;
		this.unitCode = properties.unitCode();
	}

	/** Whether a project with this code exists (imports skip those). */
	public boolean exists(String code) {
		return this.projects.existsByCode(code);
	}

	@Transactional
	public ProjectDetails propose(ProposeProject command) {
		Caller caller = Caller.current();
		if (!command.townshipCode().matches("[0-9]{9}") || !command.townshipCode().startsWith(this.unitCode)) {
			throw ApiException.invalid("townshipCode", "must be a 9-digit township code of unit " + this.unitCode);
		}
		caller.requireTownship(command.townshipCode());
		if (!command.fundings().isEmpty() && caller.confinedToTownship()) {
			throw ApiException
				.forbidden("Funds are assigned by centre staff: township officers propose projects without fundings.");
		}
		Set<UUID> seen = new HashSet<>();
		long total = 0;
		for (FundingRequest funding : command.fundings()) {
			if (!seen.add(funding.allocationId())) {
				throw ApiException.invalid("fundings", "allocation " + funding.allocationId() + " appears twice");
			}
			if (funding.amountFen() <= 0) {
				throw ApiException.invalid("fundings", "amounts must be greater than 0");
			}
			total += funding.amountFen();
		}
		if (total > command.budgetFen()) {
			throw ApiException.invalid("fundings", "the total must not exceed the budget");
		}
		if (this.projects.existsByCode(command.code())) {
			throw ApiException.conflict("duplicate-project-code",
					"A project with code " + command.code() + " already exists.");
		}
		Project project = Project.propose(UUID.randomUUID(), command.code(), command.name(), command.type(),
				command.townshipCode(), command.village(), command.year(), command.budgetFen(),
				command.implementingUnit(), command.beneficiaries(), LocalDate.now(this.clock));
		if (total > 0) {
			project = project.fund(total);
		}
		this.projects.insert(project);
		Map<UUID, FundAllocation> drawn = drawAll(command.year(), command.fundings());
		List<AllocationShare> shares = new ArrayList<>();
		int seq = 0;
		for (FundingRequest funding : command.fundings()) {
			this.projects.insertFunding(UUID.randomUUID(), project.id(), funding.allocationId(), ++seq,
					funding.amountFen());
			FundAllocation allocation = drawn.get(funding.allocationId());
			shares.add(new AllocationShare(allocation.id(), allocation.category(), allocation.year(),
					funding.amountFen()));
		}
		Beneficiaries b = project.beneficiaries();
		this.outbox.append(new ProjectProposed(project.id(), project.code(), project.name(), project.type(),
				project.townshipCode(), project.village(), project.year(), project.budgetFen(),
				project.implementingUnit(), b.households(), b.persons(), b.relocatedHouseholds(), b.relocatedPersons(),
				project.milestones().proposedOn(), shares, project.fundingFen()));
		this.audit.record("project.proposed", "Project", project.id(), Map.of("code", project.code(), "year",
				project.year(), "budgetFen", project.budgetFen(), "fundingFen", project.fundingFen()));
		return details(project.id());
	}

	/** Draws every funding line, in allocation-id order (a fixed lock order). */
	private Map<UUID, FundAllocation> drawAll(int projectYear, List<FundingRequest> fundings) {
		Map<UUID, FundAllocation> drawn = new HashMap<>();
		for (FundingRequest funding : fundings) {
			requireUsable(projectYear, funding.allocationId());
		}
		fundings.stream()
			.sorted(Comparator.comparing(FundingRequest::allocationId))
			.forEach((f) -> drawn.put(f.allocationId(), this.allocations.draw(f.allocationId(), f.amountFen())));
		return drawn;
	}

	private FundAllocation requireUsable(int projectYear, UUID allocationId) {
		FundAllocation allocation = this.allocations.find(allocationId)
			.orElseThrow(() -> ApiException.unprocessable("unknown-allocation",
					"Fund allocation " + allocationId + " does not exist."));
		if (allocation.year() > projectYear) {
			throw ApiException.unprocessable("allocation-of-later-year", "Allocation " + allocationId + " is for "
					+ allocation.year() + "; a project of " + projectYear + " cannot draw from it.");
		}
		return allocation;
	}

	/** Adds a funding line drawn from an allocation (a second one adds to its line). */
	@Transactional
	public ProjectDetails fund(UUID projectId, Long expectedVersion, AddFunding command) {
		Project current = lock(projectId, expectedVersion);
		Project funded = current.fund(command.amountFen());
		requireUsable(current.year(), command.allocationId());
		FundAllocation allocation = this.allocations.draw(command.allocationId(), command.amountFen());
		List<FundingLine> lines = this.projects.fundings(projectId);
		Optional<FundingLine> existing = lines.stream()
			.filter((l) -> l.allocationId().equals(command.allocationId()))
			.findFirst();
		if (existing.isPresent()) {
			this.projects.addToFunding(existing.get().id(), command.amountFen());
		}
		else {
			this.projects.insertFunding(UUID.randomUUID(), projectId, command.allocationId(), lines.size() + 1,
					command.amountFen());
		}
		this.projects.update(funded, current.version());
		this.outbox.append(new ProjectFunded(projectId, current.code(), current.type(), current.townshipCode(),
				current.year(), current.status(),
				new AllocationShare(allocation.id(), allocation.category(), allocation.year(), command.amountFen()),
				funded.fundingFen()));
		this.audit.record("project.funded", "Project", projectId,
				Map.of("allocationId", allocation.id(), "amountFen", command.amountFen()));
		return details(projectId);
	}

	@Transactional
	public ProjectDetails approve(UUID projectId, Long expectedVersion, Approve command) {
		BusinessDates.require("noticeStartOn", command.noticeStartOn(), this.clock);
		BusinessDates.require("noticeEndOn", command.noticeEndOn(), this.clock);
		BusinessDates.require("approvedOn", command.approvedOn(), this.clock);
		Project p = change(projectId, expectedVersion, (current) -> current.approve(command.approvedOn(),
				command.documentNo(), command.noticeStartOn(), command.noticeEndOn()));
		this.outbox.append(new ProjectApproved(p.id(), p.code(), p.type(), p.townshipCode(), p.year(),
				command.approvedOn(), command.documentNo(), command.noticeStartOn(), command.noticeEndOn(),
				p.budgetFen(), p.fundingFen()));
		this.audit.record("project.approved", "Project", projectId,
				Map.of("approvedOn", command.approvedOn().toString()));
		return details(projectId);
	}

	@Transactional
	public ProjectDetails start(UUID projectId, Long expectedVersion, LocalDate startedOn) {
		LocalDate on = BusinessDates.orToday("startedOn", startedOn, this.clock);
		Project p = change(projectId, expectedVersion, (current) -> current.start(on));
		this.outbox.append(new ProjectStarted(p.id(), p.code(), p.type(), p.townshipCode(), p.village(), p.year(), on,
				p.budgetFen(), p.fundingFen(), p.beneficiaries().relocatedHouseholds(),
				p.beneficiaries().relocatedPersons()));
		this.audit.record("project.started", "Project", projectId, Map.of("startedOn", on.toString()));
		return details(projectId);
	}

	@Transactional
	public ProjectDetails complete(UUID projectId, Long expectedVersion, LocalDate completedOn) {
		LocalDate on = BusinessDates.orToday("completedOn", completedOn, this.clock);
		Project p = change(projectId, expectedVersion, (current) -> current.complete(on));
		this.outbox.append(new ProjectCompleted(p.id(), p.code(), p.type(), p.townshipCode(), p.year(), on,
				p.investmentCompletedFen(), p.disbursedFen()));
		this.audit.record("project.completed", "Project", projectId, Map.of("completedOn", on.toString()));
		return details(projectId);
	}

	@Transactional
	public ProjectDetails accept(UUID projectId, Long expectedVersion, LocalDate acceptedOn, String documentNo) {
		LocalDate on = BusinessDates.orToday("acceptedOn", acceptedOn, this.clock);
		Project p = change(projectId, expectedVersion, (current) -> current.accept(on, documentNo));
		this.outbox.append(new ProjectAccepted(p.id(), p.code(), p.type(), p.townshipCode(), p.year(), on, documentNo,
				p.investmentCompletedFen(), p.disbursedFen()));
		this.audit.record("project.accepted", "Project", projectId, Map.of("acceptedOn", on.toString()));
		return details(projectId);
	}

	/** Cancels a project and gives its unspent funding back to the allocations. */
	@Transactional
	public ProjectDetails cancel(UUID projectId, Long expectedVersion, LocalDate cancelledOn, String reason) {
		LocalDate on = BusinessDates.orToday("cancelledOn", cancelledOn, this.clock);
		Project current = lock(projectId, expectedVersion);
		Project cancelled = current.cancel(on);
		List<FundingLines.Share> unspent = FundingLines.unspent(this.projects.fundings(projectId));
		unspent.stream()
			.sorted(Comparator.comparing((FundingLines.Share s) -> s.line().allocationId()))
			.forEach((share) -> {
				this.projects.release(share.line().id(), share.fen());
				this.allocations.release(share.line().allocationId(), share.fen());
			});
		this.projects.update(cancelled, current.version());
		this.outbox.append(
				new ProjectCancelled(projectId, current.code(), current.type(), current.townshipCode(), current.year(),
						on, current.status(), unspent.stream().map(FundingLines.Share::toAllocationShare).toList(),
						FundingLines.total(unspent), cancelled.fundingFen(), cancelled.disbursedFen()));
		this.audit.record("project.cancelled", "Project", projectId,
				Map.of("cancelledOn", on.toString(), "reason", reason, "releasedFen", FundingLines.total(unspent)));
		return details(projectId);
	}

	@Transactional
	public ProgressReport report(UUID projectId, ReportProgress command) {
		BusinessDates.require("reportedOn", command.reportedOn(), this.clock);
		Project current = lock(projectId, null);
		Project reported = current.report(command.reportedOn(), command.progressPercent(),
				command.investmentCompletedFen());
		ProgressReport report = new ProgressReport(UUID.randomUUID(), projectId, reported.reportCount(),
				command.reportedOn(), command.progressPercent(), command.investmentCompletedFen(), command.note());
		this.projects.insertReport(report);
		this.projects.update(reported, current.version());
		this.outbox.append(new ProjectProgressReported(report.id(), projectId, current.code(), current.type(),
				current.townshipCode(), current.year(), report.seq(), report.reportedOn(), report.progressPercent(),
				report.investmentCompletedFen(), current.investmentCompletedFen()));
		this.audit.record("project.progress-reported", "Project", projectId, Map.of("progressPercent",
				command.progressPercent(), "investmentCompletedFen", command.investmentCompletedFen()));
		return report;
	}

	@Transactional
	public Disbursement disburse(UUID projectId, Disburse command) {
		BusinessDates.require("paidOn", command.paidOn(), this.clock);
		Project current = lock(projectId, null);
		Project paid = current.disburse(command.amountFen(), command.paidOn());
		if (this.projects.voucherExists(command.voucherNo())) {
			throw ApiException.conflict("duplicate-voucher",
					"Voucher " + command.voucherNo() + " is already recorded for a disbursement.");
		}
		List<FundingLines.Share> shares = FundingLines.spend(this.projects.fundings(projectId), command.amountFen());
		Disbursement disbursement = new Disbursement(UUID.randomUUID(), projectId, command.amountFen(),
				command.paidOn(), command.voucherNo(),
				shares.stream().map(FundingLines.Share::toAllocationShare).toList());
		this.projects.insertDisbursement(disbursement, shares);
		this.projects.update(paid, current.version());
		this.outbox.append(new ProjectFundsDisbursed(disbursement.id(), projectId, current.code(), current.type(),
				current.townshipCode(), current.year(), command.amountFen(), command.paidOn(), command.voucherNo(),
				disbursement.sources(), paid.disbursedFen(), paid.fundingFen()));
		this.audit.record("project.disbursed", "Project", projectId,
				Map.of("amountFen", command.amountFen(), "voucherNo", command.voucherNo()));
		return disbursement;
	}

	/** A project with its funding lines, for a caller allowed to see its township. */
	public ProjectDetails details(UUID projectId) {
		Project project = this.projects.find(projectId).orElseThrow(() -> ApiException.notFound("Project", projectId));
		Caller.current().requireTownship(project.townshipCode());
		return new ProjectDetails(project, this.projects.fundings(projectId));
	}

	private Project change(UUID projectId, Long expectedVersion, UnaryOperator<Project> change) {
		Project current = lock(projectId, expectedVersion);
		Project changed = change.apply(current);
		this.projects.update(changed, current.version());
		return changed;
	}

	private Project lock(UUID projectId, Long expectedVersion) {
		Project current = this.projects.lock(projectId).orElseThrow(() -> ApiException.notFound("Project", projectId));
		Caller.current().requireTownship(current.townshipCode());
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw ApiException.preconditionFailed("The project was changed by someone else; read it again and retry.");
		}
		return current;
	}

	/** A project and its funding lines. */
	public record ProjectDetails(Project project, List<FundingLine> fundings) {
	}

	/** What proposing a project needs; amounts in fen. */
	public record ProposeProject(String code, String name, ProjectType type, String townshipCode, String village,
			int year, long budgetFen, String implementingUnit, Beneficiaries beneficiaries,
			List<FundingRequest> fundings) {
	}

	/** A funding line to draw from an allocation. */
	public record FundingRequest(UUID allocationId, long amountFen) {
	}

	/** A funding line added later. */
	public record AddFunding(UUID allocationId, long amountFen) {
	}

	/** An approval with its public notice. */
	public record Approve(LocalDate approvedOn, String documentNo, LocalDate noticeStartOn, LocalDate noticeEndOn) {
	}

	/** A progress report. */
	public record ReportProgress(LocalDate reportedOn, int progressPercent, long investmentCompletedFen, String note) {
	}

	/** A disbursement. */
	public record Disburse(long amountFen, LocalDate paidOn, String voucherNo) {
	}

}
