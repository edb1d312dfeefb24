package cn.resettlement.systemtest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import cn.resettlement.testsupport.TestIdNumbers;

/**
 * The county's migrants as the township rosters list them, generated deterministically:
 * person {@code i} always has the same ID number, name, household and township.
 * <ul>
 * <li>{@link #ELIGIBLE} persons relocated in 2003 (原迁, support 2006-07-01 … 2026-06-30):
 * on the roster of 2024-01-01, so paid for 2024;</li>
 * <li>{@link #RESETTLED_2024} persons resettled on 2024-03-01 (新迁): active at the year's
 * end, but not on the roster of the period's first day, so not paid for 2024.</li>
 * </ul>
 * Households have four members; households and persons are spread over six townships.
 */
final class Register {

	static final int ELIGIBLE = 33_070;

	static final int RESETTLED_2024 = 13_503;

	static final int PERSONS = ELIGIBLE + RESETTLED_2024;

	static final String[] TOWNSHIPS = { "430582101", "430582102", "430582103", "430582104", "430582105", "430582106" };

	static final String JIULONGLING = TOWNSHIPS[0];

	static final String SHASHI = TOWNSHIPS[1];

	static final LocalDate ORIGINAL_RELOCATION = LocalDate.of(2003, 5, 1);

	static final LocalDate RESETTLED_ON = LocalDate.of(2024, 3, 1);

	private static final String SURNAMES = "李王张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗";

	private static final String GIVEN = "明芳伟娜强敏静磊洋艳勇军杰娟涛超霞平刚桂";

	private static final String[] VILLAGES = { "三合村", "新塘村", "红岩村", "砂石居委会", "红星村", "双江村", "大坪村" };

	private Register() {
	}

	static Person person(int i) {
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays((i / 1000) * 211L);
		String idNumber = TestIdNumbers.of("430582", birth, i % 1000);
		String name = "" + SURNAMES.charAt(i % 20) + GIVEN.charAt((i / 20) % 20) + GIVEN.charAt((i / 400) % 20);
		boolean eligible = i < ELIGIBLE;
		int household = eligible ? i / 4 : (i - ELIGIBLE) / 4;
		String householdNo = (eligible ? "YQ" : "XQ") + String.format("%06d", household);
		String township = TOWNSHIPS[household % TOWNSHIPS.length];
		String village = VILLAGES[household % VILLAGES.length];
		return new Person(i, idNumber, name, householdNo, township, village, eligible, (i % 4 == 0) ? "户主" : "家庭成员",
				"6217" + String.format("%015d", 900_000_000L + i));
	}

	static int households() {
		return (ELIGIBLE + 3) / 4 + (RESETTLED_2024 + 3) / 4;
	}

	/** The roster as one CSV file (UTF-8, English column names). */
	static byte[] rosterCsv() {
		StringBuilder csv = new StringBuilder(PERSONS * 120);
		csv.append("householdNo,townshipCode,village,reservoir,areaType,relocatedOn,idNumber,name,relationToHead,")
			.append("cardAccount\n");
		for (int i = 0; i < PERSONS; i++) {
			Person p = person(i);
			csv.append(p.householdNo())
				.append(',')
				.append(p.township())
				.append(',')
				.append(p.village())
				.append(",石门水库,")
				.append(((i / 4) % 2 == 0) ? "RESERVOIR_AREA" : "RESETTLEMENT_AREA")
				.append(',')
				.append(p.eligible() ? ORIGINAL_RELOCATION : RESETTLED_ON)
				.append(',')
				.append(p.idNumber())
				.append(',')
				.append(p.name())
				.append(',')
				.append(p.relationToHead())
				.append(',')
				.append(p.cardAccount())
				.append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * One person of the roster.
	 *
	 * @param index position in the roster
	 * @param idNumber resident ID number
	 * @param name name
	 * @param householdNo household number
	 * @param township township code
	 * @param village village
	 * @param eligible on the roster of 2024-01-01
	 * @param relationToHead relation to the head of the household
	 * @param cardAccount 一卡通 account
	 */
	record Person(int index, String idNumber, String name, String householdNo, String township, String village,
			boolean eligible, String relationToHead, String cardAccount) {
	}

}
