package cn.resettlement.subsidy.files;

/** Resident ID numbers (GB 11643): 17 digits and a check character. */
public final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private IdNumbers() {
	}

	/**
	 * The number in canonical form (upper-case X), or {@code null} when it is not valid.
	 */
	public static String normalize(String raw) {
		if (raw == null) {
			return null;
		}
		String value = raw.strip().toUpperCase();
		if (value.length() != 18) {
			return null;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
			sum += (c - '0') * WEIGHTS[i];
		}
		return (CHECK[sum % 11] == value.charAt(17)) ? value : null;
	}

}
