package cn.resettlement.subsidy.policy;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodTests {

	@Test
	void parsesYearsHalvesAndQuarters() {
		Period year = Period.parse("2024");
		assertThat(year.frequency()).isEqualTo(Frequency.ANNUAL);
		assertThat(year.start()).isEqualTo(LocalDate.of(2024, 1, 1));
		assertThat(year.end()).isEqualTo(LocalDate.of(2024, 12, 31));

		Period half = Period.parse("2024-H2");
		assertThat(half.frequency()).isEqualTo(Frequency.SEMIANNUAL);
		assertThat(half.start()).isEqualTo(LocalDate.of(2024, 7, 1));
		assertThat(half.end()).isEqualTo(LocalDate.of(2024, 12, 31));

		Period quarter = Period.parse("2024-Q3");
		assertThat(quarter.start()).isEqualTo(LocalDate.of(2024, 7, 1));
		assertThat(quarter.end()).isEqualTo(LocalDate.of(2024, 9, 30));
		assertThat(quarter.months()).containsExactly(YearMonth.of(2024, 7), YearMonth.of(2024, 8),
				YearMonth.of(2024, 9));
		assertThat(quarter.code()).isEqualTo("2024-Q3");
	}

	@Test
	void rejectsWhatIsNotAPeriod() {
		for (String code : new String[] { "2024-Q5", "2024-H3", "2024-Q0", "24", "2024-q1", "2024-M1", "1999", "",
				"2024-Q1 " }) {
			assertThatIllegalArgumentException().as(code).isThrownBy(() -> Period.parse(code));
		}
		assertThatIllegalArgumentException().isThrownBy(() -> Period.parse(null));
	}

	@Test
	void listsThePeriodsOfAYear() {
		assertThat(Period.of(2024, Frequency.QUARTERLY)).extracting(Period::code)
			.containsExactly("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4");
		assertThat(Period.of(2024, Frequency.SEMIANNUAL)).extracting(Period::code)
			.containsExactly("2024-H1", "2024-H2");
		assertThat(Period.of(2024, Frequency.ANNUAL)).extracting(Period::code).containsExactly("2024");
	}

}
