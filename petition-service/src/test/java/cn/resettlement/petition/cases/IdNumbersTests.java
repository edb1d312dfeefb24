package cn.resettlement.petition.cases;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.resettlement.testsupport.TestIdNumbers;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTests {

	private final LocalDate today = LocalDate.of(2026, 11, 28);

	@Test
	void acceptsAValidNumberAndALowerCaseX() {
		String valid = TestIdNumbers.of("430582", LocalDate.of(1980, 3, 15), 123);
		assertThat(IdNumbers.problem(valid, this.today)).isEmpty();
		assertThat(IdNumbers.problem(" " + valid.toLowerCase() + " ", this.today)).isEmpty();
	}

	@Test
	void rejectsABadCheckDigit() {
		String valid = TestIdNumbers.of("430582", LocalDate.of(1980, 3, 15), 123);
		assertThat(IdNumbers.problem(TestIdNumbers.withBadCheckDigit(valid), this.today))
			.contains("has a wrong check digit");
	}

	@Test
	void rejectsWrongShapesAndImpossibleBirthDates() {
		assertThat(IdNumbers.problem("43058219800315123", this.today)).isPresent();
		assertThat(IdNumbers.problem("4305821980031512345", this.today)).isPresent();
		assertThat(IdNumbers.problem("43058219800315123A", this.today)).isPresent();
		assertThat(IdNumbers.problem(TestIdNumbers.of("430582", LocalDate.of(2027, 1, 1), 1), this.today))
			.contains("contains a birth date out of range");
	}

}
