package cn.resettlement.training.integration;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.resettlement.testsupport.TestIdNumbers;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberTests {

	@Test
	void acceptsAValidNumberAndALowerCaseX() {
		String valid = TestIdNumbers.of("430582", LocalDate.of(1980, 3, 15), 123);
		assertThat(IdNumber.problem(valid)).isNull();
		assertThat(IdNumber.problem(" " + valid + " ")).isNull();
		String endingInX = findEndingInX();
		assertThat(IdNumber.problem(endingInX.toLowerCase())).isNull();
		assertThat(IdNumber.normalize(endingInX.toLowerCase())).isEqualTo(endingInX);
	}

	@Test
	void rejectsAWrongCheckDigit() {
		assertThat(IdNumber.problem(TestIdNumbers.withBadCheckDigit(TestIdNumbers.unique())))
			.isEqualTo("has a wrong check digit");
	}

	@Test
	void rejectsWrongLengthsLettersAndImpossibleBirthDates() {
		assertThat(IdNumber.problem(null)).isEqualTo("is required");
		assertThat(IdNumber.problem("43058219800315123")).startsWith("must be 18 characters");
		assertThat(IdNumber.problem("43058219800315123A")).startsWith("must be 18 characters");
		String february30 = "43058219800230123";
		assertThat(IdNumber.problem(february30 + IdNumber.checkCharacter(february30)))
			.isEqualTo("contains an impossible birth date");
		String tooOld = "43058218000101123";
		assertThat(IdNumber.problem(tooOld + IdNumber.checkCharacter(tooOld)))
			.isEqualTo("contains a birth date out of range");
	}

	private static String findEndingInX() {
		for (int sequence = 0; sequence < 1000; sequence++) {
			String number = TestIdNumbers.of("430582", LocalDate.of(1990, 1, 1), sequence);
			if (number.endsWith("X")) {
				return number;
			}
		}
		throw new IllegalStateException("no number ending in X");
	}

}
