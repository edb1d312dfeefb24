package cn.resettlement.subsidy.batch;

/** Where a disbursement batch is in its life. */
public enum BatchStatus {

	/** Lines are being generated from the roster (a job); the batch has none yet. */
	GENERATING,
	/** Generated; waiting for a second person's approval. */
	DRAFT,
	/** Approved (four-eyes); the bank file may be exported. */
	APPROVED,
	/** The bank file went out; results come back per line. */
	EXPORTED,
	/** Every line has a result (paid or failed). */
	RESULTS_RECORDED,
	/** Done. */
	CLOSED,
	/** Generation failed; the batch has no lines. */
	FAILED

}
