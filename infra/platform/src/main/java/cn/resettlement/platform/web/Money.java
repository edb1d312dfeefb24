package cn.resettlement.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money crosses the API in yuan (JSON numbers, at most 2 decimals) and is stored and
 * published as integer fen (分). Never floating point.
 */
public final class Money {

	private static final BigDecimal FEN_PER_YUAN = BigDecimal.valueOf(100);

	/** Largest amount accepted: 10 billion yuan, far above any county's budget. */
	private static final BigDecimal MAX_YUAN = new BigDecimal("10000000000");

	private Money() {
	}

	/**
	 * Converts an API amount to fen.
	 * @param field JSON field name, for the error
	 * @param yuan amount in yuan
	 * @return the amount in fen
	 * @throws ApiException 400 when missing, negative, above the limit or with more than
	 * 2 decimals
	 */
	public static long toFen(String field, BigDecimal yuan) {
		if (yuan == null) {
			throw ApiException.invalid(field, "is required");
		}
		if (yuan.signum() < 0) {
			throw ApiException.invalid(field, "must not be negative");
		}
		if (yuan.stripTrailingZeros().scale() > 2) {
			throw ApiException.invalid(field, "must have at most 2 decimals");
		}
		if (yuan.compareTo(MAX_YUAN) > 0) {
			throw ApiException.invalid(field, "must not exceed " + MAX_YUAN.toPlainString());
		}
		return yuan.multiply(FEN_PER_YUAN).longValueExact();
	}

	/** Like {@link #toFen(String, BigDecimal)} but also rejects zero. */
	public static long toPositiveFen(String field, BigDecimal yuan) {
		long fen = toFen(field, yuan);
		if (fen == 0) {
			throw ApiException.invalid(field, "must be greater than 0");
		}
		return fen;
	}

	/** Fen to yuan with 2 decimals, for responses. */
	public static BigDecimal toYuan(long fen) {
		return BigDecimal.valueOf(fen).divide(FEN_PER_YUAN, 2, RoundingMode.UNNECESSARY);
	}

	/**
	 * Fen to 万元 (10,000 yuan) as the centre's reports print it: up to 2 decimals, no
	 * trailing zeros.
	 */
	public static String toWanYuan(long fen) {
		BigDecimal wan = BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(1_000_000), 2, RoundingMode.HALF_UP);
		return wan.stripTrailingZeros().toPlainString();
	}

}
