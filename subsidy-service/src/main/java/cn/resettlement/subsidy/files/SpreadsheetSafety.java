package cn.resettlement.subsidy.files;

/**
 * CSV/formula injection (OWASP): a cell starting with {@code = + - @}, a tab or a
 * carriage return (or their full-width forms) is run as a formula when the file is opened
 * in a spreadsheet. Such text cells get a leading apostrophe, which spreadsheets show as
 * text.
 */
public final class SpreadsheetSafety {

	private SpreadsheetSafety() {
	}

	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return switch (first) {
			case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠' -> "'" + value;
			default -> value;
		};
	}

}
