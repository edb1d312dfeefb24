package cn.resettlement.population.migrant;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 居民身份证号 — an 18-character resident ID number (GB 11643-1999): 6-digit address code,
 * 8-digit birth date, 3-digit sequence (odd for men), check character.
 *
 * @param value the number, upper-case X for a check value of 10
 */
public record IdNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	/**
	 * Parses and checks an ID number.
	 * @param raw the number as entered (a lower-case x is accepted)
	 * @param today to reject birth dates in the future
	 * @return the number, or why it is not valid
	 */
	public static Result parse(String raw, LocalDate today) {
		if (raw == null || raw.isBlank()) {
			return Result.invalid("is required");
		}
		String value = raw.trim().toUpperCase();
		if (!value.matches("[0-9]{17}[0-9X]")) {
			return Result.invalid("must be 18 characters: 17 digits and a digit or X");
		}
		if (value.charAt(17) != checkCharacter(value)) {
			return Result.invalid("has a wrong check digit");
		}
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
					Integer.parseInt(value.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return Result.invalid("contains an impossible birth date");
		}
		if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
			return Result.invalid("contains a birth date out of range");
		}
		return new Result(Optional.of(new IdNumber(value)), null);
	}

	/** The check character for the first 17 digits. */
	static char checkCharacter(String number) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	public LocalDate birthDate() {
		return LocalDate.of(Integer.parseInt(this.value.substring(6, 10)),
				Integer.parseInt(this.value.substring(10, 12)), Integer.parseInt(this.value.substring(12, 14)));
	}

	public Sex sex() {
		return ((this.value.charAt(16) - '0') % 2 == 1) ? Sex.MALE : Sex.FEMALE;
	}

	@Override
	public String toString() {
		return this.value;
	}

	/** Outcome of {@link #parse}: the number, or the reason it was refused. */
	public record Result(Optional<IdNumber> idNumber, String error) {

		static Result invalid(String error) {
			return new Result(Optional.empty(), error);
		}

		public boolean valid() {
			return this.idNumber.isPresent();
		}

	}

}
