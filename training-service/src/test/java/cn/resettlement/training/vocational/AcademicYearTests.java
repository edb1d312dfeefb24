package cn.resettlement.training.vocational;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcademicYearTests {

	@Test
	void parsesTwoConsecutiveYearsOnly() {
		assertThat(AcademicYear.parse("2024-2025")).isEqualTo(new AcademicYear(2024));
		assertThat(AcademicYear.parse("2024-2026")).isNull();
		assertThat(AcademicYear.parse("2024/2025")).isNull();
		assertThat(AcademicYear.parse("24-25")).isNull();
		assertThat(AcademicYear.parse(null)).isNull();
	}

	@Test
	void aClaimIsLateWhenTheAcademicYearEndedBeforeTheGrantYear() {
		assertThat(new AcademicYear(2022).lateIn(2024)).as("2022-2023 granted in 2024").isTrue();
		assertThat(new AcademicYear(2023).lateIn(2024)).as("2023-2024: spring term of 2024").isFalse();
		assertThat(new AcademicYear(2024).lateIn(2024)).as("2024-2025: autumn term of 2024").isFalse();
	}

}
