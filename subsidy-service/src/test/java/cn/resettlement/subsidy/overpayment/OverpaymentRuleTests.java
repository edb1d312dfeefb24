package cn.resettlement.subsidy.overpayment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.resettlement.subsidy.overpayment.OverpaymentRule.Overpaid;
import cn.resettlement.subsidy.overpayment.OverpaymentRule.PaidLine;
import cn.resettlement.subsidy.overpayment.OverpaymentRule.StatusChange;
import cn.resettlement.subsidy.policy.ProRataEligibilityPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class OverpaymentRuleTests {

	private final OverpaymentRule rule = new OverpaymentRule(new ProRataEligibilityPolicy());

	private final List<PaidLine> quarters2024 = List.of(line("2024-Q1"), line("2024-Q2"), line("2024-Q3"),
			line("2024-Q4"));

	@Test
	void aDeathBeforeThePeriodsMakesThemAllOverpaid() {
		List<Overpaid> overpaid = this.rule.overpaid(this.quarters2024, List.of(death(LocalDate.of(2023, 11, 2), 1)));
		assertThat(periods(overpaid)).containsExactly("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4");
	}

	@Test
	void aDeathInsideAPeriodLeavesThatPeriodAndTakesTheLaterOnes() {
		List<Overpaid> overpaid = this.rule.overpaid(this.quarters2024, List.of(death(LocalDate.of(2024, 5, 10), 1)));
		assertThat(periods(overpaid)).containsExactly("2024-Q3", "2024-Q4");
		assertThat(overpaid).allSatisfy((o) -> assertThat(o.removal().type()).isEqualTo("DEATH"));
	}

	@Test
	void aDeathOnAPeriodsFirstDayExcludesThatPeriod() {
		assertThat(periods(this.rule.overpaid(this.quarters2024, List.of(death(LocalDate.of(2024, 7, 1), 1)))))
			.containsExactly("2024-Q3", "2024-Q4");
	}

	@Test
	void aDeathAfterThePaidPeriodsTakesNothing() {
		assertThat(this.rule.overpaid(this.quarters2024, List.of(death(LocalDate.of(2024, 10, 2), 1)))).isEmpty();
		assertThat(this.rule.overpaid(List.of(line("2024")), List.of(death(LocalDate.of(2024, 1, 2), 1)))).isEmpty();
	}

	@Test
	void aReinstatementGivesBackThePeriodsStartingOnOrAfterIt() {
		List<StatusChange> timeline = List.of(death(LocalDate.of(2024, 2, 1), 1),
				change("REINSTATED", LocalDate.of(2024, 7, 1), "ACTIVE", 2));
		assertThat(periods(this.rule.overpaid(this.quarters2024, timeline))).containsExactly("2024-Q2");
	}

	@Test
	void theLaterOfTwoChangesOnOneDayWins() {
		List<StatusChange> timeline = List.of(change("MOVED_OUT", LocalDate.of(2024, 4, 1), "REMOVED", 1),
				change("REINSTATED", LocalDate.of(2024, 4, 1), "ACTIVE", 2));
		assertThat(this.rule.overpaid(this.quarters2024, timeline)).isEmpty();
	}

	@Test
	void aPersonWithoutAdjustmentsWasNeverOverpaid() {
		assertThat(this.rule.overpaid(this.quarters2024, List.of())).isEmpty();
	}

	private static PaidLine line(String period) {
		return new PaidLine(UUID.randomUUID(), UUID.randomUUID(), period, 15_000);
	}

	private static StatusChange death(LocalDate effective, long seq) {
		return change("DEATH", effective, "REMOVED", seq);
	}

	private static StatusChange change(String type, LocalDate effective, String status, long seq) {
		return new StatusChange(UUID.randomUUID(), type, effective, status, seq);
	}

	private static List<String> periods(List<Overpaid> overpaid) {
		return overpaid.stream().map((o) -> o.line().period()).toList();
	}

}
