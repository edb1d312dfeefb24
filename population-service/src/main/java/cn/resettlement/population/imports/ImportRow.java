package cn.resettlement.population.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.resettlement.population.household.AreaType;
import cn.resettlement.population.migrant.IdNumber;
import cn.resettlement.population.migrant.MigrantCategory;
import cn.resettlement.population.migrant.SupportTerm;

/**
 * One valid row of a township roster: a migrant and their household.
 *
 * @param row spreadsheet row number
 * @param householdNo household number
 * @param townshipCode township
 * @param village village
 * @param reservoir reservoir of origin
 * @param areaType area type
 * @param relocatedOn relocation date
 * @param address address
 * @param idNumber ID number
 * @param name name
 * @param relationToHead relation to the head of household
 * @param phone phone
 * @param cardAccount card account
 */
record ImportRow(long row, String householdNo, String townshipCode, String village, String reservoir, AreaType areaType,
		LocalDate relocatedOn, String address, IdNumber idNumber, String name, String relationToHead, String phone,
		String cardAccount) {

	private static final LocalDate EARLIEST_RELOCATION = LocalDate.of(1949, 10, 1);

	private static final List<DateTimeFormatter> DATES = java.util.stream.Stream
		.of("uuuu-MM-dd", "uuuu/M/d", "uuuu.M.d", "uuuuMMdd", "uuuu年M月d日", "uuuu-M-d")
		.map((p) -> DateTimeFormatter.ofPattern(p).withResolverStyle(java.time.format.ResolverStyle.STRICT))
		.toList();

	/**
	 * Validates one row.
	 * @return the row, or the field errors that reject it
	 */
	static Parsed parse(long row, List<String> cells, Map<Columns, Integer> columns, String unitCode, LocalDate today) {
		List<RowError> errors = new ArrayList<>();
		String householdNo = text(cells, columns, Columns.HOUSEHOLD_NO, 40, true, errors);
		String township = text(cells, columns, Columns.TOWNSHIP_CODE, 9, true, errors);
		if (township != null && !(township.matches("[0-9]{9}") && township.startsWith(unitCode))) {
			errors.add(
					new RowError(Columns.TOWNSHIP_CODE.field(), "must be a 9-digit township code of unit " + unitCode));
		}
		String village = text(cells, columns, Columns.VILLAGE, 100, true, errors);
		String reservoir = text(cells, columns, Columns.RESERVOIR, 100, false, errors);
		AreaType areaType = areaType(text(cells, columns, Columns.AREA_TYPE, 30, true, errors), errors);
		LocalDate relocatedOn = date(text(cells, columns, Columns.RELOCATED_ON, 20, true, errors), today, errors);
		String address = text(cells, columns, Columns.ADDRESS, 200, false, errors);
		String rawId = text(cells, columns, Columns.ID_NUMBER, 18, true, errors);
		IdNumber idNumber = null;
		if (rawId != null) {
			IdNumber.Result parsed = IdNumber.parse(rawId, today);
			if (parsed.valid()) {
				idNumber = parsed.idNumber().get();
			}
			else {
				errors.add(new RowError(Columns.ID_NUMBER.field(), parsed.error()));
			}
		}
		String name = text(cells, columns, Columns.NAME, 50, true, errors);
		String relation = text(cells, columns, Columns.RELATION_TO_HEAD, 20, false, errors);
		String phone = text(cells, columns, Columns.PHONE, 20, false, errors);
		if (phone != null && !phone.matches("[0-9+\\- ]{5,20}")) {
			errors.add(new RowError(Columns.PHONE.field(), "must be a phone number"));
		}
		String card = text(cells, columns, Columns.CARD_ACCOUNT, 30, false, errors);
		if (card != null && !card.matches("[0-9]{8,30}")) {
			errors.add(new RowError(Columns.CARD_ACCOUNT.field(), "must be 8 to 30 digits"));
		}
		MigrantCategory category = category(text(cells, columns, Columns.CATEGORY, 20, false, errors), errors);
		if (category != null && relocatedOn != null && category != SupportTerm.categoryFor(relocatedOn)) {
			errors.add(new RowError(Columns.CATEGORY.field(),
					"must be " + SupportTerm.categoryFor(relocatedOn) + " for a relocation on " + relocatedOn));
		}
		if (!errors.isEmpty()) {
			return new Parsed(null, errors);
		}
		return new Parsed(new ImportRow(row, householdNo, township, village, reservoir, areaType, relocatedOn, address,
				idNumber, name, relation, phone, card), List.of());
	}

	private static String text(List<String> cells, Map<Columns, Integer> columns, Columns column, int max,
			boolean required, List<RowError> errors) {
		Integer index = columns.get(column);
		String value = (index == null || index >= cells.size() || cells.get(index) == null) ? ""
				: cells.get(index).strip();
		if (value.isEmpty()) {
			if (required) {
				errors.add(new RowError(column.field(), "is required"));
			}
			return null;
		}
		if (value.length() > max) {
			errors.add(new RowError(column.field(), "must be at most " + max + " characters"));
			return null;
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			errors.add(new RowError(column.field(), "contains control characters"));
			return null;
		}
		return value;
	}

	private static AreaType areaType(String value, List<RowError> errors) {
		if (value == null) {
			return null;
		}
		return switch (value) {
			case "RESERVOIR_AREA", "库区" -> AreaType.RESERVOIR_AREA;
			case "RESETTLEMENT_AREA", "安置区" -> AreaType.RESETTLEMENT_AREA;
			default -> {
				errors.add(new RowError(Columns.AREA_TYPE.field(),
						"must be RESERVOIR_AREA (库区) or RESETTLEMENT_AREA (安置区)"));
				yield null;
			}
		};
	}

	private static MigrantCategory category(String value, List<RowError> errors) {
		if (value == null) {
			return null;
		}
		return switch (value) {
			case "ORIGINAL", "原迁", "原迁移民" -> MigrantCategory.ORIGINAL;
			case "NEW", "新增", "新迁", "新增移民" -> MigrantCategory.NEW;
			default -> {
				errors.add(new RowError(Columns.CATEGORY.field(), "must be ORIGINAL (原迁) or NEW (新增)"));
				yield null;
			}
		};
	}

	private static LocalDate date(String value, LocalDate today, List<RowError> errors) {
		if (value == null) {
			return null;
		}
		for (DateTimeFormatter format : DATES) {
			try {
				LocalDate date = LocalDate.parse(value, format);
				if (date.isBefore(EARLIEST_RELOCATION) || date.isAfter(today)) {
					errors.add(new RowError(Columns.RELOCATED_ON.field(), "must be between 1949-10-01 and today"));
					return null;
				}
				return date;
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		errors.add(new RowError(Columns.RELOCATED_ON.field(), "must be a date YYYY-MM-DD"));
		return null;
	}

	/** A row's outcome: the row, or its errors. */
	record Parsed(ImportRow row, List<RowError> errors) {
	}

	/** What is wrong with one field of a row. */
	record RowError(String field, String message) {
	}

}
