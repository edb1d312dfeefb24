package cn.resettlement.project.project;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import cn.resettlement.platform.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProjectTests {

	private static final long WAN = 1_000_000L;

	private static final LocalDate MARCH = LocalDate.of(2024, 3, 15);

	private final Project proposed = Project.propose(UUID.randomUUID(), "SD2024-001", "三合村道路硬化",
			ProjectType.INFRASTRUCTURE, "430582101", "三合村", 2024, 100 * WAN, "九龙岭镇人民政府", Beneficiaries.NONE,
			LocalDate.of(2024, 2, 1));

	private Project approved() {
		return this.proposed.fund(80 * WAN)
			.approve(MARCH, "邵移批〔2024〕5号", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 7));
	}

	private Project inProgress() {
		return approved().start(LocalDate.of(2024, 4, 1));
	}

	@Test
	void followsTheLifecycleToAcceptance() {
		Project accepted = inProgress().report(LocalDate.of(2024, 10, 1), 100, 78 * WAN)
			.complete(LocalDate.of(2024, 10, 20))
			.accept(LocalDate.of(2024, 12, 1), "验收〔2024〕9号");
		assertThat(accepted.status()).isEqualTo(ProjectStatus.ACCEPTED);
		assertThat(accepted.milestones().noticeStartOn()).isEqualTo("2024-03-01");
		assertThat(accepted.milestones().noticeEndOn()).isEqualTo("2024-03-07");
		assertThat(accepted.milestones().approvedOn()).isEqualTo(MARCH);
		assertThat(accepted.milestones().acceptedOn()).isEqualTo("2024-12-01");
		assertThat(accepted.investmentCompletedFen()).isEqualTo(78 * WAN);
	}

	@Test
	void fundingNeverExceedsTheBudget() {
		Project funded = this.proposed.fund(60 * WAN).fund(40 * WAN);
		assertThat(funded.fundingFen()).isEqualTo(100 * WAN);
		assertConflict(() -> funded.fund(1), "funding-exceeds-budget");
	}

	@Test
	void onlyAFundedProjectIsApprovedAndOnlyAfterItsPublicNotice() {
		assertConflict(() -> this.proposed.approve(MARCH, null, MARCH.minusDays(14), MARCH.minusDays(7)),
				"project-not-funded");
		Project funded = this.proposed.fund(WAN);
		assertInvalid(() -> funded.approve(MARCH, null, MARCH.minusDays(3), MARCH.plusDays(4)), "approvedOn");
		assertInvalid(() -> funded.approve(MARCH, null, MARCH.minusDays(3), MARCH.minusDays(5)), "noticeEndOn");
	}

	@Test
	void refusesIllegalTransitions() {
		assertConflict(() -> this.proposed.start(MARCH), "illegal-transition");
		assertConflict(() -> this.proposed.fund(WAN).complete(MARCH), "illegal-transition");
		assertConflict(() -> approved().accept(MARCH, null), "illegal-transition");
		assertConflict(() -> approved().approve(MARCH, null, MARCH, MARCH), "illegal-transition");
		Project completed = inProgress().report(LocalDate.of(2024, 9, 1), 100, 80 * WAN)
			.complete(LocalDate.of(2024, 9, 2));
		assertConflict(() -> completed.cancel(LocalDate.of(2024, 9, 3)), "illegal-transition");
		Project cancelled = approved().cancel(LocalDate.of(2024, 4, 1));
		assertConflict(() -> cancelled.start(LocalDate.of(2024, 4, 2)), "illegal-transition");
		assertConflict(() -> cancelled.cancel(LocalDate.of(2024, 4, 2)), "illegal-transition");
	}

	@Test
	void datesFollowTheLifecycle() {
		assertInvalid(() -> approved().start(MARCH.minusDays(1)), "startedOn");
		assertInvalid(() -> inProgress().report(LocalDate.of(2024, 3, 31), 10, 0), "reportedOn");
		Project reported = inProgress().report(LocalDate.of(2024, 6, 1), 100, WAN);
		assertInvalid(() -> reported.report(LocalDate.of(2024, 5, 31), 100, WAN), "reportedOn");
		assertInvalid(() -> reported.complete(LocalDate.of(2024, 5, 31)), "completedOn");
	}

	@Test
	void progressNeverDecreases() {
		Project reported = inProgress().report(LocalDate.of(2024, 6, 1), 40, 30 * WAN);
		assertThat(reported.reportCount()).isEqualTo(1);
		assertConflict(() -> reported.report(LocalDate.of(2024, 7, 1), 39, 35 * WAN), "progress-decreased");
		assertConflict(() -> reported.report(LocalDate.of(2024, 7, 1), 50, 30 * WAN - 1), "investment-decreased");
		Project same = reported.report(LocalDate.of(2024, 7, 1), 40, 30 * WAN);
		assertThat(same.reportCount()).isEqualTo(2);
		assertThat(same.lastReportedOn()).isEqualTo("2024-07-01");
	}

	@Test
	void progressIsAPercentAndInvestmentStaysWithinTheBudget() {
		assertInvalid(() -> inProgress().report(LocalDate.of(2024, 6, 1), 101, 0), "progressPercent");
		assertInvalid(() -> inProgress().report(LocalDate.of(2024, 6, 1), -1, 0), "progressPercent");
		assertConflict(() -> inProgress().report(LocalDate.of(2024, 6, 1), 50, 100 * WAN + 1),
				"investment-exceeds-budget");
		assertConflict(() -> approved().report(LocalDate.of(2024, 6, 1), 10, 0), "project-not-in-progress");
	}

	@Test
	void aProjectIsCompletedOnlyAtOneHundredPercent() {
		Project ninetyNine = inProgress().report(LocalDate.of(2024, 6, 1), 99, 70 * WAN);
		assertConflict(() -> ninetyNine.complete(LocalDate.of(2024, 6, 2)), "progress-incomplete");
		Project completed = ninetyNine.report(LocalDate.of(2024, 6, 2), 100, 79 * WAN)
			.complete(LocalDate.of(2024, 6, 3));
		assertThat(completed.status()).isEqualTo(ProjectStatus.COMPLETED);
		assertConflict(() -> completed.report(LocalDate.of(2024, 7, 1), 99, 80 * WAN), "progress-decreased");
		assertThat(completed.report(LocalDate.of(2024, 7, 1), 100, 80 * WAN).investmentCompletedFen())
			.isEqualTo(80 * WAN);
	}

	@Test
	void disbursementsNeverExceedTheFunding() {
		Project paid = approved().disburse(50 * WAN, MARCH).disburse(30 * WAN, MARCH);
		assertThat(paid.disbursedFen()).isEqualTo(80 * WAN);
		assertThat(paid.undisbursedFen()).isZero();
		assertConflict(() -> paid.disburse(1, MARCH), "disbursement-exceeds-funding");
		assertConflict(() -> this.proposed.fund(WAN).disburse(1, MARCH), "project-not-disbursable");
		assertInvalid(() -> approved().disburse(WAN, MARCH.minusDays(1)), "paidOn");
	}

	@Test
	void cancellingShrinksTheFundingToWhatWasPaid() {
		Project cancelled = inProgress().disburse(20 * WAN, LocalDate.of(2024, 4, 2)).cancel(LocalDate.of(2024, 5, 1));
		assertThat(cancelled.status()).isEqualTo(ProjectStatus.CANCELLED);
		assertThat(cancelled.fundingFen()).isEqualTo(20 * WAN);
		assertThat(cancelled.milestones().cancelledFrom()).isEqualTo(ProjectStatus.IN_PROGRESS);
		assertConflict(() -> cancelled.disburse(1, LocalDate.of(2024, 5, 2)), "project-not-disbursable");
		assertConflict(() -> cancelled.fund(1), "project-closed");
	}

	@Test
	void riskRelocationProjectsCountWhoMoves() {
		Project relocation = Project.propose(UUID.randomUUID(), "BX-1", "避险搬迁", ProjectType.RISK_RELOCATION,
				"430582101", "三合村", 2024, WAN, null, new Beneficiaries(12, 40, 12, 40), MARCH);
		assertThat(relocation.beneficiaries().relocatedPersons()).isEqualTo(40);
		assertInvalid(() -> Project.propose(UUID.randomUUID(), "BX-2", "避险搬迁", ProjectType.RISK_RELOCATION, "430582101",
				null, 2024, WAN, null, Beneficiaries.NONE, MARCH), "relocatedHouseholds");
		assertInvalid(() -> Project.propose(UUID.randomUUID(), "BX-3", "道路", ProjectType.INFRASTRUCTURE, "430582101",
				null, 2024, WAN, null, new Beneficiaries(null, null, 1, 2), MARCH), "relocatedHouseholds");
		assertInvalid(() -> Project.propose(UUID.randomUUID(), "BX-4", "避险搬迁", ProjectType.RISK_RELOCATION, "430582101",
				null, 2024, WAN, null, new Beneficiaries(null, null, 5, 4), MARCH), "relocatedPersons");
	}

	private static void assertConflict(ThrowingCallable call, String slug) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(409))
			.satisfies((ex) -> assertThat(ex.slug()).isEqualTo(slug));
	}

	private static void assertInvalid(ThrowingCallable call, String field) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(400))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(ApiException.FieldError::field).contains(field));
	}

}
