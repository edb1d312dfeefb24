package cn.resettlement.subsidy.policy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProRataEligibilityPolicyTests {

	private static final long SIX_HUNDRED_YUAN = 60_000;

	/** 原迁移民: 20 years from 2006-07-01. */
	private static final LocalDate ORIGINAL_START = LocalDate.of(2006, 7, 1);

	private static final LocalDate ORIGINAL_END = LocalDate.of(2026, 6, 30);

	private final EligibilityPolicy policy = new ProRataEligibilityPolicy();

	@Test
	void paysTheFullAmountForPeriodsInsideTheTerm() {
		assertThat(entitlement("2024")).isEqualTo(new Entitlement(12, 60_000));
		assertThat(entitlement("2024-H1")).isEqualTo(new Entitlement(6, 30_000));
		assertThat(entitlement("2024-Q3")).isEqualTo(new Entitlement(3, 15_000));
	}

	@Test
	void paysProRataMonthsWhenTheTermEndsInsideThePeriod() {
		assertThat(entitlement("2026")).as("a term ending 2026-06-30 gives 300 yuan for 2026")
			.isEqualTo(new Entitlement(6, 30_000));
		assertThat(entitlement("2026-H1")).isEqualTo(new Entitlement(6, 30_000));
		assertThat(entitlement("2026-Q2")).isEqualTo(new Entitlement(3, 15_000));
	}

	@Test
	void paysNothingForPeriodsAfterTheTerm() {
		assertThat(entitlement("2026-H2").payable()).isFalse();
		assertThat(entitlement("2026-Q3")).isEqualTo(Entitlement.NONE);
		assertThat(entitlement("2027")).isEqualTo(Entitlement.NONE);
	}

	@Test
	void countsOnlyMonthsTheTermCoversCompletely() {
		// a corrected term ending mid-month: June is not covered
		Entitlement midMonth = this.policy.entitlement(Period.parse("2026"), SIX_HUNDRED_YUAN, ORIGINAL_START,
				LocalDate.of(2026, 6, 15));
		assertThat(midMonth).isEqualTo(new Entitlement(5, 25_000));
		// a new migrant's term starting in May 2010 covers May to December
		Entitlement starting = this.policy.entitlement(Period.parse("2010"), SIX_HUNDRED_YUAN, LocalDate.of(2010, 5, 1),
				LocalDate.of(2030, 4, 30));
		assertThat(starting).isEqualTo(new Entitlement(8, 40_000));
	}

	@Test
	void roundsHalfUpToTheFen() {
		// 1.02 yuan a year, one month: 8.5 fen → 9
		Entitlement oneMonth = this.policy.entitlement(Period.parse("2026"), 102, ORIGINAL_START,
				LocalDate.of(2026, 1, 31));
		assertThat(oneMonth).isEqualTo(new Entitlement(1, 9));
		// 1.00 yuan a year, one month: 8.33 fen → 8
		assertThat(this.policy.entitlement(Period.parse("2026"), 100, ORIGINAL_START, LocalDate.of(2026, 1, 31)))
			.isEqualTo(new Entitlement(1, 8));
	}

	@Test
	void decidesEligibilityOnThePeriodsFirstDay() {
		assertThat(this.policy.decisiveDate(Period.parse("2024"))).isEqualTo(LocalDate.of(2024, 1, 1));
		assertThat(this.policy.decisiveDate(Period.parse("2024-H2"))).isEqualTo(LocalDate.of(2024, 7, 1));
		assertThat(this.policy.decisiveDate(Period.parse("2024-Q3"))).isEqualTo(LocalDate.of(2024, 7, 1));
	}

	private Entitlement entitlement(String period) {
		return this.policy.entitlement(Period.parse(period), SIX_HUNDRED_YUAN, ORIGINAL_START, ORIGINAL_END);
	}

}
