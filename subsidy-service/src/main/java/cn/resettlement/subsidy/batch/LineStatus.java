package cn.resettlement.subsidy.batch;

/** The bank's result of one line. */
public enum LineStatus {

	/** Sent (or to be sent); no result yet. */
	PENDING,
	/** Credited to the card account. */
	PAID,
	/** Returned by the bank (支付退票), with a reason. */
	FAILED

}
