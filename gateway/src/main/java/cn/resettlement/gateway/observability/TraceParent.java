package cn.resettlement.gateway.observability;

import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C Trace Context {@code traceparent}: {@code version-traceid-parentid-flags}. The
 * gateway records no spans of its own, so it passes a valid incoming value on unchanged
 * (as the specification asks of a hop that does not participate) and starts a trace when
 * there is none, so that its access log and every service's log share one trace id.
 */
public final class TraceParent {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private TraceParent() {
	}

	/** The incoming value if it is valid, else a new sampled trace. */
	public static String continueOrStart(String incoming) {
		return isValid(incoming) ? incoming : start();
	}

	/** A new sampled trace with a random trace id and parent id. */
	public static String start() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] value = new char[55];
		value[0] = '0';
		value[1] = '0';
		value[2] = '-';
		hex(value, 3, random.nextLong(), random.nextLong(1, Long.MAX_VALUE));
		value[35] = '-';
		hex(value, 36, random.nextLong(1, Long.MAX_VALUE));
		value[52] = '-';
		value[53] = '0';
		value[54] = '1';
		return new String(value);
	}

	/** The 32-hex-digit trace id of a valid {@code traceparent}. */
	public static String traceId(String traceparent) {
		return traceparent.substring(3, 35);
	}

	static boolean isValid(String value) {
		if (value == null || value.length() < 55 || (value.length() > 55 && value.charAt(55) != '-')) {
			return false;
		}
		String version = value.substring(0, 2);
		if (!lowerHex(value, 0, 2) || version.equals("ff") || (version.equals("00") && value.length() != 55)) {
			return false;
		}
		return value.charAt(2) == '-' && value.charAt(35) == '-' && value.charAt(52) == '-' && lowerHex(value, 3, 35)
				&& lowerHex(value, 36, 52) && lowerHex(value, 53, 55) && !zeros(value, 3, 35) && !zeros(value, 36, 52);
	}

	private static void hex(char[] target, int offset, long... parts) {
		int position = offset;
		for (long part : parts) {
			for (int shift = 60; shift >= 0; shift -= 4) {
				target[position++] = HEX[(int) ((part >>> shift) & 0xF)];
			}
		}
	}

	private static boolean lowerHex(String value, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

	private static boolean zeros(String value, int from, int to) {
		for (int i = from; i < to; i++) {
			if (value.charAt(i) != '0') {
				return false;
			}
		}
		return true;
	}

}
