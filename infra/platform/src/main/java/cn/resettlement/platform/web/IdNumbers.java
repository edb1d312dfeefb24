package cn.resettlement.platform.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 居民身份证号 (GB 11643-1999): 17 digits, a birth date in them, and a check character. The one
 * check every service applies to an ID number given to it, so a mistyped number is a 400
 * everywhere with the same words.
 */
public final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private IdNumbers() {
	}

	/** Trimmed, with an upper-case X; {@code null} stays {@code null}. */
	public static String normalize(String raw) {
		return (raw != null) ? raw.strip().toUpperCase() : null;
	}

	/** Why the number is not valid (any birth date from 1900 on), or empty. */
	public static Optional<String> problem(String raw) {
		return problem(raw, LocalDate.MAX);
	}

	/**
	 * Why the number is not valid, or empty.
	 * @param raw the number as entered (blanks around it and a lower-case x are accepted)
	 * @param today birth dates after it are refused
	 */
	public static Optional<String> problem(String raw, LocalDate today) {
		if (raw == null || raw.isBlank()) {
			return Optional.of("is required");
		}
		String value = normalize(raw);
		if (!value.matches("[0-9]{17}[0-9X]")) {
			return Optional.of("must be 18 characters: 17 digits and a digit or X");
		}
		if (value.charAt(17) != checkCharacter(value)) {
			return Optional.of("has a wrong check digit");
		}
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
					Integer.parseInt(value.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return Optional.of("contains an impossible birth date");
		}
		if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
			return Optional.of("contains a birth date out of range");
		}
		return Optional.empty();
	}

	/** The check character of the first 17 digits. */
	public static char checkCharacter(String number) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

}
