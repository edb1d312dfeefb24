package cn.resettlement.training.integration;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * 居民身份证号 — an 18-character resident ID number (GB 11643-1999). Checked here before
 * population-service is asked, so a mistyped number is a 400, not a remote call.
 */
public final class IdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private IdNumber() {
	}

	/**
	 * Normalises and checks an ID number.
	 * @param raw the number as entered (a lower-case x is accepted)
	 * @return why it is not valid, or {@code null} when it is
	 */
	public static String problem(String raw) {
		if (raw == null || raw.isBlank()) {
			return "is required";
		}
		String value = normalize(raw);
		if (!value.matches("[0-9]{17}[0-9X]")) {
			return "must be 18 characters: 17 digits and a digit or X";
		}
		if (value.charAt(17) != checkCharacter(value)) {
			return "has a wrong check digit";
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
					Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
			if (birth.getYear() < 1900) {
				return "contains a birth date out of range";
			}
		}
		catch (DateTimeException ex) {
			return "contains an impossible birth date";
		}
		return null;
	}

	/** Trimmed, upper-case X. */
	public static String normalize(String raw) {
		return raw.trim().toUpperCase();
	}

	static char checkCharacter(String number) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

}
