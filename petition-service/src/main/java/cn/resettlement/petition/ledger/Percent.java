package cn.resettlement.petition.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rates as the report prints them: percent with one decimal, half up. */
final class Percent {

	private Percent() {
	}

	/**
	 * @return {@code part ÷ whole × 100} with one decimal, or {@code null} when there is
	 * nothing to divide by (a rate of nothing is not 0%)
	 */
	static BigDecimal of(long part, long whole) {
		if (whole == 0) {
			return null;
		}
		return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
	}

}
