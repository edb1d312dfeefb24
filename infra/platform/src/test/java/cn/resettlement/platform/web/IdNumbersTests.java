package cn.resettlement.platform.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTests {

	@Test
	void acceptsAValidNumberAndALowerCaseX() {
		String valid = of("430582", LocalDate.of(1980, 3, 15), 123);
		assertThat(IdNumbers.problem(valid)).isEmpty();
		assertThat(IdNumbers.problem(" " + valid + " ")).isEmpty();
		String endingInX = findEndingInX();
		assertThat(IdNumbers.problem(endingInX.toLowerCase())).isEmpty();
		assertThat(IdNumbers.normalize(endingInX.toLowerCase())).isEqualTo(endingInX);
	}

	@Test
	void rejectsAWrongCheckDigit() {
		String valid = of("430582", LocalDate.of(1975, 6, 1), 42);
		String wrong = valid.substring(0, 17) + ((valid.charAt(17) == '1') ? '2' : '1');
		assertThat(IdNumbers.problem(wrong)).contains("has a wrong check digit");
		assertThat(IdNumbers.problem(valid, LocalDate.of(1970, 1, 1))).as("born after today")
			.contains("contains a birth date out of range");
	}

	@Test
	void rejectsWrongLengthsLettersAndImpossibleBirthDates() {
		assertThat(IdNumbers.problem(null)).contains("is required");
		assertThat(IdNumbers.problem("43058219800315123").orElseThrow()).startsWith("must be 18 characters");
		assertThat(IdNumbers.problem("43058219800315123A").orElseThrow()).startsWith("must be 18 characters");
		String february30 = "43058219800230123";
		assertThat(IdNumbers.problem(february30 + IdNumbers.checkCharacter(february30)))
			.contains("contains an impossible birth date");
		String tooOld = "43058218000101123";
		assertThat(IdNumbers.problem(tooOld + IdNumbers.checkCharacter(tooOld)))
			.contains("contains a birth date out of range");
	}

	private static String of(String area, LocalDate birth, int sequence) {
		String first17 = area + birth.toString().replace("-", "") + String.format("%03d", sequence);
		return first17 + IdNumbers.checkCharacter(first17);
	}

	private static String findEndingInX() {
		for (int sequence = 0; sequence < 1000; sequence++) {
			String number = of("430582", LocalDate.of(1990, 1, 1), sequence);
			if (number.endsWith("X")) {
				return number;
			}
		}
		throw new IllegalStateException("no number ending in X");
	}

}
