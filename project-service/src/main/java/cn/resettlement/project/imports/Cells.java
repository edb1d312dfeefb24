package cn.resettlement.project.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.resettlement.platform.web.ApiException;
import cn.resettlement.platform.web.Money;

/**
 * The cells of one row, read as typed values; what cannot be read is collected as field
 * errors of the row.
 */
final class Cells<C extends Column> {

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

	private static final List<DateTimeFormatter> DATES = Stream
		.of("uuuu-MM-dd", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd", "uuuu年M月d日", "uuuu-M-d")
		.map((p) -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT))
		.toList();

	private final List<String> cells;

	private final Map<C, Integer> columns;

	private final List<RowError> errors = new ArrayList<>();

	Cells(List<String> cells, Map<C, Integer> columns) {
		this.cells = cells;
		this.columns = columns;
	}

	List<RowError> errors() {
		return this.errors;
	}

	void error(String field, String message) {
		this.errors.add(new RowError(field, message));
	}

	boolean has(C column) {
		return text(column, Integer.MAX_VALUE, false) != null;
	}

	String text(C column, int max, boolean required) {
		Integer index = this.columns.get(column);
		String value = (index == null || index >= this.cells.size() || this.cells.get(index) == null) ? ""
				: this.cells.get(index).strip();
		if (value.isEmpty()) {
			if (required) {
				error(column.field(), "is required");
			}
			return null;
		}
		if (value.length() > max) {
			error(column.field(), "must be at most " + max + " characters");
			return null;
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			error(column.field(), "contains control characters");
			return null;
		}
		return value;
	}

	Integer integer(C column, int min, int max, boolean required) {
		String value = text(column, 20, required);
		if (value == null) {
			return null;
		}
		try {
			int number = Integer.parseInt(value.replace(",", ""));
			if (number < min || number > max) {
				error(column.field(), "must be between " + min + " and " + max);
				return null;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			error(column.field(), "must be a whole number");
			return null;
		}
	}

	LocalDate date(C column, boolean required) {
		String value = text(column, 20, required);
		if (value == null) {
			return null;
		}
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(value, format);
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		error(column.field(), "must be a date YYYY-MM-DD");
		return null;
	}

	/**
	 * An amount given in yuan in one column or in 万元 in another, as fen.
	 * @return the amount in fen, or {@code null} when missing or invalid
	 */
	Long amount(C yuanColumn, C wanYuanColumn, boolean required) {
		String yuan = text(yuanColumn, 30, false);
		String wan = text(wanYuanColumn, 30, false);
		if (yuan == null && wan == null) {
			if (required) {
				error(yuanColumn.field(), "is required (in yuan, or in 万元 in " + wanYuanColumn.field() + ")");
			}
			return null;
		}
		C column = (yuan != null) ? yuanColumn : wanYuanColumn;
		try {
			BigDecimal amount = new BigDecimal(((yuan != null) ? yuan : wan).replace(",", ""));
			if (yuan == null) {
				amount = amount.multiply(TEN_THOUSAND);
			}
			return Money.toPositiveFen(column.field(), amount);
		}
		catch (NumberFormatException ex) {
			error(column.field(), "must be a number");
			return null;
		}
		catch (ApiException ex) {
			ex.errors().forEach((e) -> error(column.field(), e.message()));
			return null;
		}
	}

	/** What is wrong with one field of a row. */
	record RowError(String field, String message) {
	}

}
