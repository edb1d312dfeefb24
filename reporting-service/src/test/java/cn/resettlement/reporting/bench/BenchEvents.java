package cn.resettlement.reporting.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.resettlement.reporting.fixtures.EventFactory;

/**
 * Benchmark events built from string templates (fast enough to stream millions), in the
 * producers' formats: every other event a SubsidyPaid of the year to a distinct person,
 * the rest mostly MigrantRegistered, with adjustments, progress reports, petitions,
 * vocational grants and recoveries mixed in. One of each kind is checked against its
 * schema before the run.
 */
final class BenchEvents {

	private static final long NAMESPACE = UUID.randomUUID().getMostSignificantBits() & 0xffffffff00000000L;

	private final String unit;

	private final int year;

	private final String[] idNumbers = new String[1000];

	BenchEvents(String unit, int year) {
		this.unit = unit;
		this.year = year;
		for (int i = 0; i < this.idNumbers.length; i++) {
			this.idNumbers[i] = EventFactory.idNumber(i);
		}
	}

	record Event(String topic, String key, String json) {
	}

	List<String> samples() {
		List<String> samples = new ArrayList<>();
		for (long i = 0; i < 200; i++) {
			samples.add(event(i, 200).json());
		}
		return samples;
	}

	Event event(long i, long total) {
		if (i % 2 == 0) {
			return paid(i / 2);
		}
		long n = i / 2;
		return switch ((int) (n % 20)) {
			case 1 -> adjusted(n);
			case 2 -> progress(n);
			case 3 -> petition(n);
			case 4 -> grant(n);
			case 5 -> recovered(n);
			default -> registered(n);
		};
	}

	private Event paid(long n) {
		String line = uuid(1, n);
		String day = day(n);
		return envelope(n * 2, "subsidy", "SubsidyPaid", line, day,
				"{\"lineId\":\"" + line + "\",\"batchId\":\"" + uuid(2, n / 100_000) + "\",\"lineRef\":\"B1-" + (n + 1)
						+ "\",\"migrantId\":\"" + uuid(3, n) + "\",\"idNumber\":\"" + id(n) + "\",\"townshipCode\":\""
						+ township(n) + "\",\"year\":" + this.year + ",\"period\":\"" + this.year
						+ "\",\"months\":12,\"amountFen\":60000,\"paidOn\":\"" + day + "\",\"reissueOf\":null}");
	}

	private Event registered(long n) {
		String migrant = uuid(3, n);
		String id = id(n);
		return envelope(n * 2 + 1, "population", "MigrantRegistered", migrant, "2020-01-15",
				"{\"migrantId\":\"" + migrant + "\",\"idNumber\":\"" + id + "\",\"name\":\"移民" + n
						+ "\",\"sex\":\"MALE\",\"birthDate\":\"" + id.substring(6, 10) + "-" + id.substring(10, 12)
						+ "-" + id.substring(12, 14) + "\",\"householdId\":\"" + uuid(4, n / 4)
						+ "\",\"householdNo\":\"HH" + (n / 4) + "\",\"townshipCode\":\"" + township(n)
						+ "\",\"village\":\"村" + (n % 30)
						+ "\",\"relationToHead\":null,\"category\":\"ORIGINAL\",\"supportStart\":\"2006-07-01\","
						+ "\"supportEnd\":\"2026-06-30\",\"activeFrom\":\"2006-07-01\",\"status\":\"ACTIVE\"}");
	}

	private Event adjusted(long n) {
		String migrant = uuid(3, n);
		String day = day(n);
		return envelope(n * 2 + 1, "population", "MigrantAdjusted", migrant, day,
				"{\"adjustmentId\":\"" + uuid(5, n) + "\",\"migrantId\":\"" + migrant + "\",\"idNumber\":\"" + id(n)
						+ "\",\"townshipCode\":\"" + township(n) + "\",\"type\":\"DEATH\",\"effectiveDate\":\"" + day
						+ "\",\"decidedOn\":\"" + day + "\",\"documentNo\":null,\"previousStatus\":\"ACTIVE\","
						+ "\"newStatus\":\"REMOVED\"}");
	}

	private Event progress(long n) {
		String project = uuid(6, n % 5000);
		String day = day(n);
		return envelope(n * 2 + 1, "project", "ProjectProgressReported", project, day,
				"{\"reportId\":\"" + uuid(7, n) + "\",\"projectId\":\"" + project + "\",\"code\":\"B" + (n % 5000)
						+ "\",\"type\":\"INFRASTRUCTURE\",\"townshipCode\":\"" + township(n) + "\",\"year\":"
						+ this.year + ",\"sequence\":" + (n / 5000 + 1) + ",\"reportedOn\":\"" + day
						+ "\",\"progressPercent\":50,\"investmentCompletedFen\":" + (n * 10)
						+ ",\"previousInvestmentCompletedFen\":0}");
	}

	private Event petition(long n) {
		String petition = uuid(8, n);
		String day = day(n);
		return envelope(n * 2 + 1, "petition", "PetitionRegistered", petition, day,
				"{\"petitionId\":\"" + petition + "\",\"caseNo\":\"XF" + this.year + "-" + String.format("%06d", n)
						+ "\",\"receivedOn\":\"" + day + "\",\"channel\":\"VISIT\",\"townshipCode\":\"" + township(n)
						+ "\",\"category\":\"ROAD\",\"personCount\":2,\"collective\":false,\"source\":\"OWN\","
						+ "\"sourceBody\":null,\"sourceReference\":null,\"repeatOf\":null,\"matterId\":\"" + petition
						+ "\",\"anonymous\":false,\"namedPetitioners\":1,\"acceptDue\":\""
						+ LocalDate.parse(day).plusDays(15) + "\"}");
	}

	private Event grant(long n) {
		String grant = uuid(9, n);
		return envelope(n * 2 + 1, "training", "VocationalSubsidyGranted", grant, day(n),
				"{\"grantId\":\"" + grant + "\",\"migrantId\":\"" + uuid(3, n) + "\",\"idNumber\":\"" + id(n)
						+ "\",\"householdId\":\"" + uuid(4, n / 4) + "\",\"townshipCode\":\"" + township(n)
						+ "\",\"school\":\"职业中专\",\"programme\":\"机电\",\"level\":\"SECONDARY_VOCATIONAL\","
						+ "\"academicYear\":\"" + this.year + "-" + (this.year + 1) + "\",\"year\":" + this.year
						+ ",\"amountFen\":400000,\"lateClaim\":false}");
	}

	private Event recovered(long n) {
		String claim = uuid(10, n);
		String day = day(n);
		return envelope(n * 2 + 1, "subsidy", "OverpaymentRecovered", claim, day,
				"{\"claimId\":\"" + claim + "\",\"recoveryId\":\"" + uuid(11, n) + "\",\"migrantId\":\"" + uuid(3, n)
						+ "\",\"idNumber\":\"" + id(n) + "\",\"townshipCode\":\"" + township(n)
						+ "\",\"amountFen\":60000,\"recoveredOn\":\"" + day
						+ "\",\"receiptNo\":null,\"recoveredTotalFen\":60000,\"outstandingFen\":0,"
						+ "\"status\":\"RECOVERED\"}");
	}

	private Event envelope(long i, String context, String name, String subject, String day, String data) {
		String json = "{\"specversion\":\"1.0\",\"id\":\"" + uuid(0, i) + "\",\"source\":\"/resettlement/" + this.unit
				+ "/" + context + "-service\",\"type\":\"resettlement." + context + "." + name + ".v1\",\"subject\":\""
				+ subject + "\",\"time\":\"" + day + "T02:00:00Z\",\"datacontenttype\":\"application/json\","
				+ "\"dataschema\":\"urn:resettlement:events:" + context + ":" + name + ":v1\",\"unitcode\":\""
				+ this.unit + "\",\"data\":" + data + "}";
		return new Event("resettlement." + context + ".v1", subject, json);
	}

	private String day(long n) {
		return LocalDate.of(this.year, 1, 1).plusDays(n % 360).toString();
	}

	private String id(long n) {
		return this.idNumbers[(int) (n % this.idNumbers.length)];
	}

	private static String township(long n) {
		return "4305821" + String.format("%02d", n % 20);
	}

	private static String uuid(int kind, long n) {
		return new UUID(NAMESPACE | kind, n).toString();
	}

}
