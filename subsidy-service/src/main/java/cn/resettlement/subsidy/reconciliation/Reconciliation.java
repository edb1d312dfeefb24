package cn.resettlement.subsidy.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A comparison (比对) of the finance bureau's payee list with the eligible roster or a
 * batch.
 *
 * @param id id
 * @param against ROSTER or BATCH
 * @param asOf the roster date (ROSTER)
 * @param batchId the batch (BATCH)
 * @param fileName the uploaded file's name
 * @param payeeRows rows in the payee list
 * @param referenceRows persons on the roster or lines in the batch
 * @param matched persons on both sides with the same name and card account
 * @param missingInPayeeList on the roster/batch, not in the payee list
 * @param missingInReference in the payee list, not on the roster/batch
 * @param nameMismatches names that differ
 * @param cardMismatches card accounts that differ
 * @param duplicates ID numbers listed more than once in the payee list
 * @param invalidRows payee rows without a valid ID number
 * @param createdBy who ran it
 * @param createdAt when
 */
record Reconciliation(UUID id, String against, LocalDate asOf, UUID batchId, String fileName, int payeeRows,
		int referenceRows, int matched, int missingInPayeeList, int missingInReference, int nameMismatches,
		int cardMismatches, int duplicates, int invalidRows, String createdBy, Instant createdAt) {

	boolean listsMatch() {
		return this.missingInPayeeList == 0 && this.missingInReference == 0 && this.nameMismatches == 0
				&& this.cardMismatches == 0 && this.duplicates == 0 && this.invalidRows == 0;
	}

}
