package cn.resettlement.petition.cases;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Checks a 居民身份证号 (GB 11643-1999) given for a petitioner: 17 digits, a check character, a
 * possible birth date. Petitioners need not be migrants, so this is the only check;
 * whether the person is a registered migrant is looked up separately.
 */
final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private IdNumbers() {
	}

	/**
	 * @param raw the number as entered (surrounding blanks and a lower-case x are
	 * accepted)
	 * @param today to refuse birth dates in the future
	 * @return why the number is not valid, or empty when it is
	 */
	static Optional<String> problem(String raw, LocalDate today) {
		String value = normalize(raw);
		if (!value.matches("[0-9]{17}[0-9X]")) {
			return Optional.of("must be 18 characters: 17 digits and a digit or X");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (value.charAt(i) - '0') * WEIGHTS[i];
		}
		if (value.charAt(17) != CHECK[sum % 11]) {
			return Optional.of("has a wrong check digit");
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
					Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
			if (birth.getYear() < 1900 || birth.isAfter(today)) {
				return Optional.of("contains a birth date out of range");
			}
		}
		catch (DateTimeException ex) {
			return Optional.of("contains an impossible birth date");
		}
		return Optional.empty();
	}

	static String normalize(String raw) {
		return raw.trim().toUpperCase();
	}

}
