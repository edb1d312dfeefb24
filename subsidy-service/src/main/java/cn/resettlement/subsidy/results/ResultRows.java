package cn.resettlement.subsidy.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import cn.resettlement.platform.web.IdNumbers;
import cn.resettlement.platform.web.ApiException.FieldError;
import cn.resettlement.subsidy.batch.Batch;
import cn.resettlement.subsidy.batch.LineStatus;
import cn.resettlement.subsidy.files.Columns;

/**
 * Checks the form of one result, from JSON or from a row of the bank's return file. A
 * result names its line by the line reference of the bank file or by ID number; a paid
 * line needs its date, a failed one the bank's reason.
 */
final class ResultRows {

	/** Columns of the bank's return file, by English or Chinese header. */
	static final Map<String, List<String>> COLUMNS = Map.of("lineRef", List.of("参考号", "业务参考号", "流水号", "行号"), "idNumber",
			List.of("身份证号码", "身份证号"), "status", List.of("状态", "结果", "支付状态", "处理结果"), "paidOn",
			List.of("支付日期", "付款日期", "入账日期"), "failureReason", List.of("失败原因", "退票原因", "原因"), "amount",
			List.of("金额", "支付金额"));

	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	private static final List<DateTimeFormatter> DATES = Stream
		.of("uuuu-MM-dd", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd", "uuuu年M月d日", "uuuu-M-d")
		.map((p) -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT))
		.toList();

	private ResultRows() {
	}

	/** Checks a result given as values. */
	static Parsed check(long row, String lineRef, String idNumber, LineStatus status, LocalDate paidOn,
			String failureReason, BigDecimal amount, Batch batch, LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		String ref = blankToNull(lineRef);
		String id = blankToNull(idNumber);
		String reason = blankToNull(failureReason);
		Integer lineNo = null;
		if (ref == null && id == null) {
			errors.add(new FieldError("lineRef", "lineRef or idNumber is required"));
		}
		if (ref != null) {
			if (ref.length() > 40 || !printable(ref)) {
				errors.add(new FieldError("lineRef", "is not a line reference"));
			}
			else {
				lineNo = lineNo(ref, batch);
			}
		}
		if (id != null) {
			String normalized = (IdNumbers.problem(id).isEmpty() ? IdNumbers.normalize(id) : null);
			if (normalized == null) {
				errors.add(new FieldError("idNumber", "is not a valid ID number"));
			}
			id = normalized;
		}
		if (status == null) {
			errors.add(new FieldError("status", "must be PAID or FAILED"));
		}
		else if (status == LineStatus.PAID) {
			if (paidOn == null) {
				errors.add(new FieldError("paidOn", "is required for a paid line"));
			}
			else if (paidOn.isAfter(today) || paidOn.isBefore(EARLIEST)) {
				errors.add(new FieldError("paidOn", "must be a date between " + EARLIEST + " and today"));
			}
			if (reason != null) {
				errors.add(new FieldError("failureReason", "must be empty for a paid line"));
			}
		}
		else if (status == LineStatus.FAILED) {
			if (reason == null) {
				errors.add(new FieldError("failureReason", "is required for a failed line"));
			}
			else if (reason.length() > 200 || !printable(reason)) {
				errors.add(new FieldError("failureReason", "must be at most 200 printable characters"));
			}
			if (paidOn != null) {
				errors.add(new FieldError("paidOn", "must be empty for a failed line"));
			}
		}
		else {
			errors.add(new FieldError("status", "must be PAID or FAILED"));
		}
		Long amountFen = null;
		if (amount != null) {
			if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
					|| amount.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
				errors.add(new FieldError("amount", "must be a positive amount in yuan with at most 2 decimals"));
			}
			else {
				amountFen = amount.movePointRight(2).longValueExact();
			}
		}
		if (!errors.isEmpty()) {
			return new Parsed(null, errors);
		}
		return new Parsed(new ResultRow(row, ref, lineNo, id, status, paidOn, reason, amountFen), List.of());
	}

	/** Checks a row of the bank's return file. */
	static Parsed check(long row, List<String> cells, Columns columns, Batch batch, LocalDate today) {
		List<FieldError> errors = new ArrayList<>();
		LineStatus status = status(columns.get(cells, "status"));
		LocalDate paidOn = null;
		String paid = columns.get(cells, "paidOn");
		if (paid != null) {
			paidOn = date(paid);
			if (paidOn == null) {
				errors.add(new FieldError("paidOn", "is not a date (YYYY-MM-DD)"));
			}
		}
		BigDecimal amount = null;
		String rawAmount = columns.get(cells, "amount");
		if (rawAmount != null) {
			try {
				amount = new BigDecimal(rawAmount.replace(",", ""));
			}
			catch (NumberFormatException ex) {
				errors.add(new FieldError("amount", "is not a number"));
			}
		}
		Parsed parsed = check(row, columns.get(cells, "lineRef"), columns.get(cells, "idNumber"), status,
				(paid != null && paidOn == null) ? null : paidOn, columns.get(cells, "failureReason"), amount, batch,
				today);
		if (errors.isEmpty()) {
			return parsed;
		}
		List<FieldError> all = new ArrayList<>(errors);
		all.addAll(parsed.errors().stream().filter((e) -> !e.field().equals("paidOn") || paid == null).toList());
		return new Parsed(null, all);
	}

	private static Integer lineNo(String ref, Batch batch) {
		String prefix = batch.lineRefPrefix();
		if (!ref.startsWith(prefix) || ref.length() == prefix.length() || ref.length() > prefix.length() + 9) {
			return null;
		}
		for (int i = prefix.length(); i < ref.length(); i++) {
			if (!Character.isDigit(ref.charAt(i)) || ref.charAt(i) > '9') {
				return null;
			}
		}
		return Integer.parseInt(ref.substring(prefix.length()));
	}

	private static LineStatus status(String value) {
		if (value == null) {
			return null;
		}
		return switch (value.toUpperCase(Locale.ROOT)) {
			case "PAID", "成功", "已支付", "支付成功", "S", "SUCCESS" -> LineStatus.PAID;
			case "FAILED", "失败", "退票", "支付失败", "F", "FAIL" -> LineStatus.FAILED;
			default -> null;
		};
	}

	private static LocalDate date(String value) {
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(value, format);
			}
			catch (DateTimeParseException ex) {
				// next format
			}
		}
		return null;
	}

	private static String blankToNull(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	private static boolean printable(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A checked result, or why it is refused.
	 *
	 * @param row the result, or {@code null}
	 * @param errors what is wrong
	 */
	record Parsed(ResultRow row, List<FieldError> errors) {
	}

}
