package cn.resettlement.subsidy.policy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payment period (发放期): a year ({@code 2024}), a half ({@code 2024-H1}) or a quarter
 * ({@code 2024-Q3}).
 *
 * @param year calendar year
 * @param frequency the kind of period
 * @param index 1-based position in the year (always 1 for a year)
 */
public record Period(int year, Frequency frequency, int index) {

	private static final Pattern CODE = Pattern.compile("^([0-9]{4})(?:-([HQ])([1-4]))?$");

	public Period {
		if (year < 2000 || year > 2100) {
			throw new IllegalArgumentException("year must be between 2000 and 2100");
		}
		if (index < 1 || index > frequency.periodsPerYear()) {
			throw new IllegalArgumentException("no period " + index + " of a " + frequency + " year");
		}
	}

	/**
	 * Parses {@code 2024}, {@code 2024-H1} or {@code 2024-Q3}.
	 * @throws IllegalArgumentException for anything else
	 */
	public static Period parse(String code) {
		Matcher m = CODE.matcher((code != null) ? code : "");
		if (!m.matches()) {
			throw new IllegalArgumentException("must look like 2024, 2024-H1 or 2024-Q3");
		}
		int year = Integer.parseInt(m.group(1));
		if (m.group(2) == null) {
			return new Period(year, Frequency.ANNUAL, 1);
		}
		Frequency frequency = m.group(2).equals("H") ? Frequency.SEMIANNUAL : Frequency.QUARTERLY;
		return new Period(year, frequency, Integer.parseInt(m.group(3)));
	}

	/** Every period of a year at a frequency, in order. */
	public static List<Period> of(int year, Frequency frequency) {
		List<Period> periods = new ArrayList<>();
		for (int i = 1; i <= frequency.periodsPerYear(); i++) {
			periods.add(new Period(year, frequency, i));
		}
		return periods;
	}

	public String code() {
		return switch (this.frequency) {
			case ANNUAL -> String.valueOf(this.year);
			case SEMIANNUAL -> this.year + "-H" + this.index;
			case QUARTERLY -> this.year + "-Q" + this.index;
		};
	}

	/** First day of the period. */
	public LocalDate start() {
		return LocalDate.of(this.year, 1 + (this.index - 1) * this.frequency.months(), 1);
	}

	/** Last day of the period. */
	public LocalDate end() {
		return start().plusMonths(this.frequency.months()).minusDays(1);
	}

	/** The calendar months of the period. */
	public List<YearMonth> months() {
		YearMonth first = YearMonth.from(start());
		List<YearMonth> months = new ArrayList<>(this.frequency.months());
		for (int i = 0; i < this.frequency.months(); i++) {
			months.add(first.plusMonths(i));
		}
		return months;
	}

	@Override
	public String toString() {
		return code();
	}

}
