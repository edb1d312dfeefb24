package cn.resettlement.subsidy.results;

import java.time.LocalDate;

import cn.resettlement.subsidy.batch.LineStatus;

/**
 * One result as received, already checked for form (not yet against the batch).
 *
 * @param row position in the request or row of the file
 * @param lineRef the line reference, if given
 * @param lineNo the line number the reference names in this batch, or {@code null}
 * @param idNumber the ID number, if given
 * @param status PAID or FAILED
 * @param paidOn date of payment (PAID)
 * @param failureReason the bank's reason (FAILED)
 * @param amountFen the amount the bank reports, if given
 */
record ResultRow(long row, String lineRef, Integer lineNo, String idNumber, LineStatus status, LocalDate paidOn,
		String failureReason, Long amountFen) {
}
