package cn.resettlement.testsupport;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

import cn.resettlement.platform.web.IdNumbers;

/** Valid 18-character ID numbers (GB 11643 check character) for test data. */
public final class TestIdNumbers {

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 400_000));

	private TestIdNumbers() {
	}

	/**
	 * @param areaCode 6-digit address code
	 * @param birth birth date
	 * @param sequence 3-digit sequence; odd for men
	 */
	public static String of(String areaCode, LocalDate birth, int sequence) {
		String first17 = areaCode + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
				+ String.format("%03d", sequence % 1000);
		return first17 + checkCharacter(first17);
	}

	/** A fresh number (unique within the JVM) born on the given day. */
	public static String unique(LocalDate birth) {
		int n = SEQUENCE.getAndIncrement();
		// vary the address code too, so a JVM can draw far more than 1,000 numbers per
		// birth date
		String area = String.format("43%04d", (n / 1000) % 10_000);
		return of(area, birth, n % 1000);
	}

	/** A fresh number of an adult born in 1970–1999. */
	public static String unique() {
		int n = SEQUENCE.get();
		return unique(LocalDate.of(1970 + n % 30, 1 + n % 12, 1 + n % 28));
	}

	/** The same number with a wrong check character. */
	public static String withBadCheckDigit(String idNumber) {
		char wrong = (idNumber.charAt(17) == '1') ? '2' : '1';
		return idNumber.substring(0, 17) + wrong;
	}

	/**
	 * The platform's GB 11643 check character (tested there against published numbers).
	 */
	public static char checkCharacter(String first17) {
		return IdNumbers.checkCharacter(first17);
	}

}
