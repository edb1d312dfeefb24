package cn.resettlement.petition.cases;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import cn.resettlement.petition.config.Today;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The time limits of the 信访工作条例, in calendar days: the day of the event is not counted,
 * weekends and holidays are.
 */
class DeadlinesTests {

	@Test
	void theAcceptanceDecisionIsDueFifteenCalendarDaysAfterReceipt() {
		assertThat(Deadlines.acceptanceDue(LocalDate.of(2024, 3, 4))).isEqualTo(LocalDate.of(2024, 3, 19));
	}

	@Test
	void weekendsCountAsCalendarDaysAndADeadlineMayEndOnASaturday() {
		LocalDate friday = LocalDate.of(2024, 3, 1);
		assertThat(friday.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
		LocalDate due = Deadlines.acceptanceDue(friday);
		assertThat(due).isEqualTo(LocalDate.of(2024, 3, 16));
		assertThat(due.getDayOfWeek()).as("not moved to the next working day").isEqualTo(DayOfWeek.SATURDAY);
	}

	@Test
	void publicHolidaysAreNotSkipped() {
		// 2024-09-30 + 15 days runs through the National Day week (10-01 to 10-07)
		assertThat(Deadlines.acceptanceDue(LocalDate.of(2024, 9, 30))).isEqualTo(LocalDate.of(2024, 10, 15));
	}

	@Test
	void deadlinesCrossMonthEndsAndLeapDays() {
		assertThat(Deadlines.acceptanceDue(LocalDate.of(2024, 2, 14))).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(Deadlines.acceptanceDue(LocalDate.of(2023, 2, 14))).isEqualTo(LocalDate.of(2023, 3, 1));
		assertThat(Deadlines.replyDue(LocalDate.of(2024, 12, 15))).isEqualTo(LocalDate.of(2025, 2, 13));
	}

	@Test
	void aDeadlineIsMissedAtMidnightInShaodongNotAtMidnightUtc() {
		LocalDate due = Deadlines.acceptanceDue(LocalDate.of(2024, 3, 1));
		Today lastMinute = new Today(Clock.fixed(Instant.parse("2024-03-16T15:59:59Z"), ZoneOffset.UTC),
				ZoneId.of("Asia/Shanghai"));
		Today nextDay = new Today(Clock.fixed(Instant.parse("2024-03-16T16:00:00Z"), ZoneOffset.UTC),
				ZoneId.of("Asia/Shanghai"));
		assertThat(Deadlines.overdue(due, lastMinute.date())).as("23:59:59 on the last day").isFalse();
		assertThat(Deadlines.overdue(due, nextDay.date())).as("00:00 the day after").isTrue();
	}

	@Test
	void theReplyIsDueSixtyDaysAfterAcceptance() {
		assertThat(Deadlines.replyDue(LocalDate.of(2024, 3, 10))).isEqualTo(LocalDate.of(2024, 5, 9));
	}

	@Test
	void anExtensionAddsOneToThirtyDaysToTheReplyDeadline() {
		LocalDate due = LocalDate.of(2024, 5, 9);
		assertThat(Deadlines.extendedReplyDue(due, 1)).isEqualTo(LocalDate.of(2024, 5, 10));
		assertThat(Deadlines.extendedReplyDue(due, 30)).isEqualTo(LocalDate.of(2024, 6, 8));
		assertThatIllegalArgumentException().isThrownBy(() -> Deadlines.extendedReplyDue(due, 31));
		assertThatIllegalArgumentException().isThrownBy(() -> Deadlines.extendedReplyDue(due, 0));
	}

	@Test
	void aReviewIsRequestedWithinThirtyDaysOfTheReplyAndDecidedWithinThirtyDaysOfTheRequest() {
		assertThat(Deadlines.reviewRequestLastDay(LocalDate.of(2024, 5, 1))).isEqualTo(LocalDate.of(2024, 5, 31));
		assertThat(Deadlines.reviewDecisionDue(LocalDate.of(2024, 5, 20))).isEqualTo(LocalDate.of(2024, 6, 19));
	}

	@Test
	void somethingDoneOnItsLastDayIsOnTimeAndADeadlineIsMissedFromTheNextDay() {
		LocalDate due = LocalDate.of(2024, 3, 19);
		assertThat(Deadlines.onTime(due, due)).isTrue();
		assertThat(Deadlines.onTime(due.plusDays(1), due)).isFalse();
		assertThat(Deadlines.overdue(due, due)).isFalse();
		assertThat(Deadlines.overdue(due, due.plusDays(1))).isTrue();
	}

}
