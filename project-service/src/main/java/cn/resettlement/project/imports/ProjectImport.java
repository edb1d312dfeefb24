package cn.resettlement.project.imports;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.resettlement.project.allocation.AllocationCategory;
import cn.resettlement.project.allocation.AllocationManagement;
import cn.resettlement.project.allocation.FundAllocation;
import cn.resettlement.project.project.Beneficiaries;
import cn.resettlement.project.project.ProjectManagement;
import cn.resettlement.project.project.ProjectType;

/**
 * Imports a year's project list: each row proposes a project, with at most one funding
 * line naming its allocation by document number (and category when one document allocates
 * several). A project whose code exists is skipped.
 */
@Component
class ProjectImport extends ListImport<ProjectColumns> {

	private final ProjectManagement projects;

	private final AllocationManagement allocations;

	ProjectImport(ProjectManagement projects, AllocationManagement allocations) {
		super(ProjectColumns.class);
		this.projects = projects;
		this.allocations = allocations;
	}

	@Override
	List<ProjectColumns> requiredColumns() {
		return List.of(ProjectColumns.CODE, ProjectColumns.NAME, ProjectColumns.TYPE, ProjectColumns.TOWNSHIP_CODE,
				ProjectColumns.YEAR);
	}

	@Override
	Outcome importRow(Cells<ProjectColumns> cells) {
		String code = cells.text(ProjectColumns.CODE, 50, true);
		String name = cells.text(ProjectColumns.NAME, 200, true);
		String typeText = cells.text(ProjectColumns.TYPE, 50, true);
		ProjectType type = null;
		if (typeText != null) {
			type = ProjectType.parse(typeText).orElse(null);
			if (type == null) {
				cells.error(ProjectColumns.TYPE.field(),
						"must be one of " + List.of(ProjectType.values()) + " or its Chinese name (e.g. 基础设施)");
			}
		}
		String township = cells.text(ProjectColumns.TOWNSHIP_CODE, 9, true);
		if (township != null && !township.matches("[0-9]{9}")) {
			cells.error(ProjectColumns.TOWNSHIP_CODE.field(), "must be a 9-digit township code");
		}
		String village = cells.text(ProjectColumns.VILLAGE, 100, false);
		Integer year = cells.integer(ProjectColumns.YEAR, 2000, 2099, true);
		Long budgetFen = cells.amount(ProjectColumns.BUDGET, ProjectColumns.BUDGET_WAN_YUAN, true);
		String unit = cells.text(ProjectColumns.IMPLEMENTING_UNIT, 200, false);
		Beneficiaries beneficiaries = new Beneficiaries(
				cells.integer(ProjectColumns.BENEFICIARY_HOUSEHOLDS, 0, 1_000_000, false),
				cells.integer(ProjectColumns.BENEFICIARY_PERSONS, 0, 1_000_000, false),
				cells.integer(ProjectColumns.RELOCATED_HOUSEHOLDS, 0, 1_000_000, false),
				cells.integer(ProjectColumns.RELOCATED_PERSONS, 0, 1_000_000, false));
		String documentNo = cells.text(ProjectColumns.ALLOCATION_DOCUMENT_NO, 100, false);
		String categoryText = cells.text(ProjectColumns.ALLOCATION_CATEGORY, 100, false);
		Long fundingFen = cells.amount(ProjectColumns.FUNDING, ProjectColumns.FUNDING_WAN_YUAN, false);
		if (!cells.errors().isEmpty()) {
			return Outcome.REJECTED;
		}
		if (this.projects.exists(code)) {
			return Outcome.ALREADY_RECORDED;
		}
		List<ProjectManagement.FundingRequest> fundings = List.of();
		if (documentNo != null || fundingFen != null) {
			FundAllocation allocation = allocation(cells, documentNo, categoryText, year);
			if (fundingFen == null) {
				cells.error(ProjectColumns.FUNDING.field(), "is required with an allocation document number");
			}
			if (!cells.errors().isEmpty()) {
				return Outcome.REJECTED;
			}
			fundings = List.of(new ProjectManagement.FundingRequest(allocation.id(), fundingFen));
		}
		this.projects.propose(new ProjectManagement.ProposeProject(code, name, type, township, village, year, budgetFen,
				unit, beneficiaries, fundings));
		return Outcome.CREATED;
	}

	private FundAllocation allocation(Cells<ProjectColumns> cells, String documentNo, String categoryText, int year) {
		if (documentNo == null) {
			cells.error(ProjectColumns.ALLOCATION_DOCUMENT_NO.field(), "is required with a funding amount");
			return null;
		}
		AllocationCategory category = null;
		if (categoryText != null) {
			category = AllocationCategory.parse(categoryText).orElse(null);
			if (category == null) {
				cells.error(ProjectColumns.ALLOCATION_CATEGORY.field(),
						"must be one of " + List.of(AllocationCategory.values()) + " or its Chinese name");
				return null;
			}
		}
		List<FundAllocation> candidates = this.allocations.findByDocument(documentNo, null, category)
			.stream()
			.filter((a) -> a.year() <= year)
			.toList();
		if (candidates.isEmpty()) {
			cells.error(ProjectColumns.ALLOCATION_DOCUMENT_NO.field(), "no allocation of " + year
					+ " or earlier has this document number" + ((category != null) ? " and category " + category : ""));
			return null;
		}
		int latestYear = candidates.stream().mapToInt(FundAllocation::year).max().getAsInt();
		List<FundAllocation> latest = candidates.stream().filter((a) -> a.year() == latestYear).toList();
		if (latest.size() > 1) {
			cells.error(ProjectColumns.ALLOCATION_CATEGORY.field(),
					"is required: document " + documentNo + " allocates several categories");
			return null;
		}
		return latest.get(0);
	}

}
