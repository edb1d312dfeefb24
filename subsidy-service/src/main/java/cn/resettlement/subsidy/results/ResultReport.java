package cn.resettlement.subsidy.results;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What recording a set of results did. Problems are reported, never silently applied:
 * unknown lines, lines named twice, amounts or ID numbers that differ from the line, and
 * results that contradict one already recorded.
 *
 * @param batchId the batch
 * @param importId the id of this recording (lines record it)
 * @param received results received
 * @param applied results applied
 * @param paid of them paid
 * @param failed of them failed
 * @param alreadyRecorded results identical to what was already recorded (a repeat)
 * @param rejected results not applied
 * @param problems rejected results by problem
 * @param details the first rejected results
 */
public record ResultReport(UUID batchId, UUID importId, long received, long applied, long paid, long failed,
		long alreadyRecorded, long rejected, Map<String, Long> problems, List<Problem> details) {

	/**
	 * One rejected result.
	 *
	 * @param row position in the request or row of the file
	 * @param lineRef the line reference given
	 * @param idNumber the ID number given (masked)
	 * @param problem INVALID, UNKNOWN_LINE, DUPLICATE, ID_NUMBER_MISMATCH,
	 * AMOUNT_MISMATCH, PAID_BEFORE_EXPORT or CONFLICTING_RESULT
	 * @param message what is wrong
	 */
	public record Problem(long row, String lineRef, String idNumber, String problem, String message) {
	}

}
