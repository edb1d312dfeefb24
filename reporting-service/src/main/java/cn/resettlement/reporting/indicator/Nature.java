package cn.resettlement.reporting.indicator;

/** 指标性质: how the actual value is compared with the target. */
public enum Nature {

	/** ≥: at least the target. */
	GE("≥"),
	/** ≤: at most the target. */
	LE("≤"),
	/** =: exactly the target. */
	EQ("=");

	private final String symbol;

	Nature(String symbol) {
		this.symbol = symbol;
	}

	public String symbol() {
		return this.symbol;
	}

}
