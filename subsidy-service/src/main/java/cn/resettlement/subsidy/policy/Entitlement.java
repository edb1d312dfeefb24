package cn.resettlement.subsidy.policy;

/**
 * What one person is owed for one period.
 *
 * @param months months of the period inside the person's support term
 * @param amountFen amount in fen
 */
public record Entitlement(int months, long amountFen) {

	public static final Entitlement NONE = new Entitlement(0, 0);

	public boolean payable() {
		return this.amountFen > 0;
	}

}
