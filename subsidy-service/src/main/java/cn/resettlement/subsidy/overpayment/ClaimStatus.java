package cn.resettlement.subsidy.overpayment;

/** Where a recovery claim (追缴) stands. */
public enum ClaimStatus {

	/** Money is still owed. */
	OPEN,
	/** Fully recovered. */
	RECOVERED,
	/** The rest will not be recovered (with a reason). */
	WRITTEN_OFF,
	/**
	 * Nothing was owed after all (a reinstatement took every line back), nothing
	 * recovered.
	 */
	CANCELLED

}
