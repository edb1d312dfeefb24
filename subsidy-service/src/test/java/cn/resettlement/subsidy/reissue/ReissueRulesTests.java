package cn.resettlement.subsidy.reissue;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.resettlement.subsidy.integration.RosterEntry;
import cn.resettlement.subsidy.policy.Entitlement;
import cn.resettlement.subsidy.policy.Period;
import cn.resettlement.subsidy.policy.ProRataEligibilityPolicy;
import cn.resettlement.subsidy.reissue.ReissueRules.Decision;
import cn.resettlement.subsidy.reissue.ReissueRules.FailedLine;
import cn.resettlement.subsidy.reissue.ReissueRules.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

class ReissueRulesTests {

	private static final UUID MIGRANT = UUID.randomUUID();

	private static final Period PERIOD = Period.parse("2024");

	private final ReissueRules rules = new ReissueRules(new ProRataEligibilityPolicy());

	private final FailedLine failed = new FailedLine(UUID.randomUUID(), 7, MIGRANT, "430582198001011237", "李明",
			"6217000012345678");

	@Test
	void reissuesToTheCorrectedCardAccount() {
		Decision decision = decide(person("李明", "6217000099998888", LocalDate.of(2026, 6, 30)), false);
		assertThat(decision.outcome()).isEqualTo(Outcome.REISSUE);
		assertThat(decision.current().cardAccount()).isEqualTo("6217000099998888");
		assertThat(decision.entitlement()).isEqualTo(new Entitlement(12, 60_000));
	}

	@Test
	void aCorrectedNameIsACorrectionToo() {
		assertThat(decide(person("李敏", "6217000012345678", LocalDate.of(2026, 6, 30)), false).outcome())
			.isEqualTo(Outcome.REISSUE);
	}

	@Test
	void waitsForACorrectionUnlessAskedToReissueUnchangedDetails() {
		RosterEntry unchanged = person("李明", "6217000012345678", LocalDate.of(2026, 6, 30));
		assertThat(decide(unchanged, false).outcome()).isEqualTo(Outcome.UNCHANGED);
		assertThat(decide(unchanged, true).outcome()).isEqualTo(Outcome.REISSUE);
	}

	@Test
	void doesNotReissueToSomeoneNoLongerOnTheRoster() {
		assertThat(decide(null, true).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
	}

	@Test
	void doesNotReissueWithoutACardAccount() {
		assertThat(decide(person("李明", null, LocalDate.of(2026, 6, 30)), true).outcome())
			.isEqualTo(Outcome.NO_CARD_ACCOUNT);
	}

	@Test
	void reissuesWhatThePersonIsOwedNow() {
		// the support term was corrected meanwhile: it ended in June
		Decision shortened = decide(person("李明", "6217000099998888", LocalDate.of(2024, 6, 30)), false);
		assertThat(shortened.outcome()).isEqualTo(Outcome.REISSUE);
		assertThat(shortened.entitlement()).isEqualTo(new Entitlement(6, 30_000));
		Decision ended = decide(person("李明", "6217000099998888", LocalDate.of(2023, 12, 31)), false);
		assertThat(ended.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
	}

	private Decision decide(RosterEntry current, boolean includeUnchanged) {
		return this.rules.decide(this.failed, current, PERIOD, 60_000, includeUnchanged);
	}

	private static RosterEntry person(String name, String card, LocalDate supportEnd) {
		return new RosterEntry(MIGRANT, "430582198001011237", name, "430582101", "三合村", "H-1", card,
				LocalDate.of(2006, 7, 1), supportEnd);
	}

}
