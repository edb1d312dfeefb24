package cn.resettlement.subsidy.files;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.resettlement.testsupport.TestIdNumbers;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTests {

	@Test
	void acceptsValidNumbersAndNormalisesTheCheckCharacter() {
		String valid = TestIdNumbers.of("430582", LocalDate.of(1980, 3, 15), 123);
		assertThat(IdNumbers.normalize(" " + valid + " ")).isEqualTo(valid);
		String withX = findWithX();
		assertThat(IdNumbers.normalize(withX.toLowerCase())).isEqualTo(withX);
	}

	@Test
	void rejectsBadCheckCharactersAndShapes() {
		String valid = TestIdNumbers.of("430582", LocalDate.of(1980, 3, 15), 123);
		assertThat(IdNumbers.normalize(TestIdNumbers.withBadCheckDigit(valid))).isNull();
		assertThat(IdNumbers.normalize(valid.substring(1))).isNull();
		assertThat(IdNumbers.normalize("43058219800315123A")).isNull();
		assertThat(IdNumbers.normalize(null)).isNull();
	}

	private static String findWithX() {
		for (int i = 0; i < 1000; i++) {
			String id = TestIdNumbers.of("430582", LocalDate.of(1990, 1, 1), i);
			if (id.endsWith("X")) {
				return id;
			}
		}
		throw new IllegalStateException("no X");
	}

}
