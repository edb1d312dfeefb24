package cn.resettlement.project.project;

import java.time.LocalDate;
import java.util.UUID;

import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.Money;

/**
 * 后扶项目 — a follow-up support project. Its rules live here, as methods that return the
 * changed project or refuse with a problem: lifecycle transitions, funding within the
 * budget, progress that never goes back, disbursements within the funding.
 *
 * @param id project id
 * @param code project code (项目编码), unique
 * @param name project name
 * @param type project type
 * @param townshipCode township (9 digits)
 * @param village village within the township
 * @param year plan year the project belongs to
 * @param budgetFen budget (概算), in fen
 * @param implementingUnit implementing unit (实施单位)
 * @param beneficiaries who benefits
 * @param status lifecycle status
 * @param fundingFen what its funding lines hold (after a cancellation: what was spent)
 * @param disbursedFen what has been paid out (拨付)
 * @param progressPercent latest reported progress, 0–100
 * @param investmentCompletedFen latest reported investment completed to date
 * @param lastReportedOn date of the latest progress report
 * @param reportCount number of progress reports
 * @param milestones lifecycle dates
 * @param version optimistic-locking version
 */
public record Project(UUID id, String code, String name, ProjectType type, String townshipCode, String village,
		int year, long budgetFen, String implementingUnit, Beneficiaries beneficiaries, ProjectStatus status,
		long fundingFen, long disbursedFen, int progressPercent, long investmentCompletedFen, LocalDate lastReportedOn,
		int reportCount, Milestones milestones, long version) {

	/** A new project as proposed (申报), not yet funded. */
	public static Project propose(UUID id, String code, String name, ProjectType type, String townshipCode,
			String village, int year, long budgetFen, String implementingUnit, Beneficiaries beneficiaries,
			LocalDate proposedOn) {
		if (budgetFen <= 0) {
			throw ApiException.invalid("budget", "must be greater than 0");
		}
		boolean relocation = type == ProjectType.RISK_RELOCATION;
		if (relocation && (beneficiaries.relocatedHouseholds() == null || beneficiaries.relocatedPersons() == null)) {
			throw ApiException.invalid("relocatedHouseholds",
					"relocatedHouseholds and relocatedPersons are required for RISK_RELOCATION");
		}
		if (!relocation && (beneficiaries.relocatedHouseholds() != null || beneficiaries.relocatedPersons() != null)) {
			throw ApiException.invalid("relocatedHouseholds", "applies only to RISK_RELOCATION projects");
		}
		if (relocation && beneficiaries.relocatedPersons() < beneficiaries.relocatedHouseholds()) {
			throw ApiException.invalid("relocatedPersons", "must not be less than relocatedHouseholds");
		}
		return new Project(id, code, name, type, townshipCode, village, year, budgetFen, implementingUnit,
				beneficiaries, ProjectStatus.PROPOSED, 0, 0, 0, 0, null, 0, Milestones.proposed(proposedOn), 0);
	}

	/** What the funding lines still hold for disbursements. */
	public long undisbursedFen() {
		return this.fundingFen - this.disbursedFen;
	}

	/**
	 * Adds a funding line's amount.
	 * @throws ApiException 409 once the project is completed or cancelled, or when the
	 * funding would exceed the budget
	 */
	public Project fund(long fen) {
		requirePositive(fen);
		if (this.status != ProjectStatus.PROPOSED && this.status != ProjectStatus.APPROVED
				&& this.status != ProjectStatus.IN_PROGRESS) {
			throw ApiException.conflict("project-closed", "A project that is " + this.status + " cannot be funded.");
		}
		if (this.fundingFen + fen > this.budgetFen) {
			throw ApiException.conflict("funding-exceeds-budget", "Funding of " + Money.toYuan(this.fundingFen + fen)
					+ " yuan would exceed the budget of " + Money.toYuan(this.budgetFen) + " yuan.");
		}
		return with(this.status, this.fundingFen + fen, this.disbursedFen, this.milestones);
	}

	/**
	 * 批复: approves a funded project after its public notice (公示) in the village.
	 * @throws ApiException 409 for an illegal transition or an unfunded project, 400 when
	 * the notice does not end on or before the approval
	 */
	public Project approve(LocalDate approvedOn, String documentNo, LocalDate noticeStartOn, LocalDate noticeEndOn) {
		this.status.requireCanMoveTo(ProjectStatus.APPROVED);
		if (this.fundingFen == 0) {
			throw ApiException.conflict("project-not-funded",
					"A project enters the plan only when funded: add a funding line before approving it.");
		}
		if (noticeEndOn.isBefore(noticeStartOn)) {
			throw ApiException.invalid("noticeEndOn", "must not be before noticeStartOn");
		}
		if (approvedOn.isBefore(noticeEndOn)) {
			throw ApiException.invalid("approvedOn", "must not be before the public notice ends (" + noticeEndOn + ")");
		}
		return with(ProjectStatus.APPROVED, this.fundingFen, this.disbursedFen,
				this.milestones.approved(approvedOn, documentNo, noticeStartOn, noticeEndOn));
	}

	/** 开工: works start. */
	public Project start(LocalDate startedOn) {
		this.status.requireCanMoveTo(ProjectStatus.IN_PROGRESS);
		notBefore("startedOn", startedOn, this.milestones.approvedOn(), "the approval");
		return with(ProjectStatus.IN_PROGRESS, this.fundingFen, this.disbursedFen, this.milestones.started(startedOn));
	}

	/**
	 * 完工: works are complete.
	 * @throws ApiException 409 unless the latest progress report says 100%
	 */
	public Project complete(LocalDate completedOn) {
		this.status.requireCanMoveTo(ProjectStatus.COMPLETED);
		if (this.progressPercent < 100) {
			throw ApiException.conflict("progress-incomplete", "The latest progress report says " + this.progressPercent
					+ "%; report 100% before completing the project.");
		}
		notBefore("completedOn", completedOn, this.milestones.startedOn(), "the start");
		notBefore("completedOn", completedOn, this.lastReportedOn, "the latest progress report");
		return with(ProjectStatus.COMPLETED, this.fundingFen, this.disbursedFen,
				this.milestones.completed(completedOn));
	}

	/** 验收: the completed works are accepted. */
	public Project accept(LocalDate acceptedOn, String documentNo) {
		this.status.requireCanMoveTo(ProjectStatus.ACCEPTED);
		notBefore("acceptedOn", acceptedOn, this.milestones.completedOn(), "the completion");
		return with(ProjectStatus.ACCEPTED, this.fundingFen, this.disbursedFen,
				this.milestones.accepted(acceptedOn, documentNo));
	}

	/**
	 * Cancels the project; its funding shrinks to what was already paid out, and the rest
	 * goes back to the allocations (see {@link FundingLines#unspent}).
	 */
	public Project cancel(LocalDate cancelledOn) {
		this.status.requireCanMoveTo(ProjectStatus.CANCELLED);
		notBefore("cancelledOn", cancelledOn, this.milestones.approvedOn(), "the approval");
		notBefore("cancelledOn", cancelledOn, this.milestones.startedOn(), "the start");
		return with(ProjectStatus.CANCELLED, this.disbursedFen, this.disbursedFen,
				this.milestones.cancelled(cancelledOn, this.status));
	}

	/**
	 * Records a progress report: percent and investment completed never decrease.
	 * @throws ApiException 409 when the project is not being implemented or a figure goes
	 * back, 400 for a date before the start or the previous report
	 */
	public Project report(LocalDate reportedOn, int percent, long investmentFen) {
		if (this.status != ProjectStatus.IN_PROGRESS && this.status != ProjectStatus.COMPLETED) {
			throw ApiException.conflict("project-not-in-progress",
					"Progress is reported for projects IN_PROGRESS or COMPLETED; this one is " + this.status + ".");
		}
		if (percent < 0 || percent > 100) {
			throw ApiException.invalid("progressPercent", "must be between 0 and 100");
		}
		if (investmentFen < 0) {
			throw ApiException.invalid("investmentCompleted", "must not be negative");
		}
		if (percent < this.progressPercent) {
			throw ApiException.conflict("progress-decreased", "Progress was reported at " + this.progressPercent
					+ "%; a later report cannot say " + percent + "%.");
		}
		if (this.status == ProjectStatus.COMPLETED && percent < 100) {
			throw ApiException.conflict("progress-decreased", "A completed project is at 100%.");
		}
		if (investmentFen < this.investmentCompletedFen) {
			throw ApiException.conflict("investment-decreased",
					"Investment completed was reported at " + Money.toYuan(this.investmentCompletedFen)
							+ " yuan; a later report cannot say " + Money.toYuan(investmentFen) + " yuan.");
		}
		if (investmentFen > this.budgetFen) {
			throw ApiException.conflict("investment-exceeds-budget",
					"Investment completed of " + Money.toYuan(investmentFen) + " yuan exceeds the budget of "
							+ Money.toYuan(this.budgetFen) + " yuan.");
		}
		notBefore("reportedOn", reportedOn, this.milestones.startedOn(), "the start");
		notBefore("reportedOn", reportedOn, this.lastReportedOn, "the previous report");
		return new Project(this.id, this.code, this.name, this.type, this.townshipCode, this.village, this.year,
				this.budgetFen, this.implementingUnit, this.beneficiaries, this.status, this.fundingFen,
				this.disbursedFen, percent, investmentFen, reportedOn, this.reportCount + 1, this.milestones,
				this.version);
	}

	/**
	 * 拨付: pays money out to the project.
	 * @throws ApiException 409 before approval, after cancellation, or when the amount is
	 * above what the funding still holds
	 */
	public Project disburse(long fen, LocalDate paidOn) {
		requirePositive(fen);
		if (!this.status.disbursable()) {
			throw ApiException.conflict("project-not-disbursable",
					"Money is paid to approved projects only; this one is " + this.status + ".");
		}
		if (fen > undisbursedFen()) {
			throw ApiException.conflict("disbursement-exceeds-funding",
					"The project's funding has " + Money.toYuan(undisbursedFen()) + " yuan left to pay; "
							+ Money.toYuan(fen) + " yuan cannot be disbursed.");
		}
		notBefore("paidOn", paidOn, this.milestones.approvedOn(), "the approval");
		return with(this.status, this.fundingFen, this.disbursedFen + fen, this.milestones);
	}

	private Project with(ProjectStatus status, long funding, long disbursed, Milestones milestones) {
		return new Project(this.id, this.code, this.name, this.type, this.townshipCode, this.village, this.year,
				this.budgetFen, this.implementingUnit, this.beneficiaries, status, funding, disbursed,
				this.progressPercent, this.investmentCompletedFen, this.lastReportedOn, this.reportCount, milestones,
				this.version);
	}

	private static void notBefore(String field, LocalDate date, LocalDate earliest, String what) {
		if (earliest != null && date.isBefore(earliest)) {
			throw ApiException.invalid(field, "must not be before " + what + " (" + earliest + ")");
		}
	}

	private static void requirePositive(long fen) {
		if (fen <= 0) {
			throw ApiException.invalid("amount", "must be greater than 0");
		}
	}

}
