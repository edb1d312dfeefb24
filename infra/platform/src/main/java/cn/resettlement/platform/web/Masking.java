package cn.resettlement.platform.web;

import java.util.regex.Pattern;

/**
 * Masks ID numbers and card accounts wherever they are shown to someone who does not need
 * them.
 */
public final class Masking {

	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])");

	private Masking() {
	}

	/** {@code 430582199001011234} → {@code 430582********1234}. */
	public static String idNumber(String idNumber) {
		if (idNumber == null || idNumber.length() < 10) {
			return idNumber;
		}
		return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10)
				+ idNumber.substring(idNumber.length() - 4);
	}

	/** Card account: only the last 4 digits stay. */
	public static String cardAccount(String account) {
		if (account == null || account.length() <= 4) {
			return account;
		}
		return "*".repeat(account.length() - 4) + account.substring(account.length() - 4);
	}

	/** Masks every 18-character ID number inside free text (log lines, messages). */
	public static String idNumbersIn(String text) {
		return (text == null) ? null : ID_NUMBER.matcher(text).replaceAll("$1********$2");
	}

}
