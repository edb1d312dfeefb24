package cn.resettlement.project;

import java.time.Clock;
import java.time.LocalDate;

import cn.resettlement.platform.web.ApiException;

/**
 * Business dates (issue, approval, payment, report dates) record what happened: never in
 * the future, never before the programme's records start.
 */
public final class BusinessDates {

	/** Earliest date the centre keeps records for. */
	public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private BusinessDates() {
	}

	/**
	 * Checks a business date.
	 * @param field JSON field name, for the error
	 * @param date the date
	 * @param clock the clock of "today"
	 * @return the date
	 * @throws ApiException 400 when it is before 2000-01-01 or after today
	 */
	public static LocalDate require(String field, LocalDate date, Clock clock) {
		if (date == null) {
			throw ApiException.invalid(field, "is required");
		}
		if (date.isBefore(EARLIEST) || date.isAfter(LocalDate.now(clock))) {
			throw ApiException.invalid(field, "must be between " + EARLIEST + " and today");
		}
		return date;
	}

	/** Like {@link #require} but lets a missing date default to today. */
	public static LocalDate orToday(String field, LocalDate date, Clock clock) {
		return (date != null) ? require(field, date, clock) : LocalDate.now(clock);
	}

}
