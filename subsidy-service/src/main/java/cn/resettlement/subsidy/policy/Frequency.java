package cn.resettlement.subsidy.policy;

/** How often the direct subsidy is paid in a year (发放频次). */
public enum Frequency {

	/** Once a year: periods like {@code 2024}. */
	ANNUAL(12),
	/** Twice a year: {@code 2024-H1}, {@code 2024-H2}. */
	SEMIANNUAL(6),
	/** Four times a year: {@code 2024-Q1} … {@code 2024-Q4}. */
	QUARTERLY(3);

	private final int months;

	Frequency(int months) {
		this.months = months;
	}

	/** Months in one period. */
	public int months() {
		return this.months;
	}

	public int periodsPerYear() {
		return 12 / this.months;
	}

}
