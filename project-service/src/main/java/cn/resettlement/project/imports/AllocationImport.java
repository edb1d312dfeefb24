package cn.resettlement.project.imports;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.resettlement.project.allocation.AllocationCategory;
import cn.resettlement.project.allocation.AllocationManagement;
import cn.resettlement.project.allocation.FundAllocation;

/**
 * Imports a year's allocation list. An allocation already recorded with the same year,
 * category, document number and amount is skipped; with another amount it is a row error.
 */
@Component
class AllocationImport extends ListImport<AllocationColumns> {

	private final AllocationManagement allocations;

	AllocationImport(AllocationManagement allocations) {
		super(AllocationColumns.class);
		this.allocations = allocations;
	}

	@Override
	List<AllocationColumns> requiredColumns() {
		return List.of(AllocationColumns.YEAR, AllocationColumns.CATEGORY, AllocationColumns.DOCUMENT_NO,
				AllocationColumns.ISSUED_ON);
	}

	@Override
	Outcome importRow(Cells<AllocationColumns> cells) {
		Integer year = cells.integer(AllocationColumns.YEAR, 2000, 2099, true);
		String categoryText = cells.text(AllocationColumns.CATEGORY, 100, true);
		AllocationCategory category = null;
		if (categoryText != null) {
			category = AllocationCategory.parse(categoryText).orElse(null);
			if (category == null) {
				cells.error(AllocationColumns.CATEGORY.field(), "must be one of " + List.of(AllocationCategory.values())
						+ " or its Chinese name (e.g. 第一批到县资金)");
			}
		}
		String documentNo = cells.text(AllocationColumns.DOCUMENT_NO, 100, true);
		String title = cells.text(AllocationColumns.TITLE, 200, false);
		Long amountFen = cells.amount(AllocationColumns.AMOUNT, AllocationColumns.AMOUNT_WAN_YUAN, true);
		LocalDate issuedOn = cells.date(AllocationColumns.ISSUED_ON, true);
		if (!cells.errors().isEmpty()) {
			return Outcome.REJECTED;
		}
		Optional<FundAllocation> existing = this.allocations.findByDocument(year, category, documentNo);
		if (existing.isPresent()) {
			if (existing.get().amountFen() == amountFen) {
				return Outcome.ALREADY_RECORDED;
			}
			cells.error(AllocationColumns.DOCUMENT_NO.field(),
					"an allocation of " + category + " " + year + " by this document is recorded with another amount");
			return Outcome.REJECTED;
		}
		this.allocations.allocate(new AllocationManagement.Allocate(year, category, documentNo,
				(title != null) ? title : categoryText, amountFen, issuedOn));
		return Outcome.CREATED;
	}

}
