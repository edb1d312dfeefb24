package cn.resettlement.subsidy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Object Mother of the subsidy tests: people registered in the real population-service,
 * policies, batches taken through approval, export and results over HTTP.
 */
public final class Fixtures {

	public static final String TOWNSHIP = "430582101";

	public static final String OTHER_TOWNSHIP = "430582102";

	public static final String BASE = "/api/v1/subsidies";

	/** Relocated before 2006-07-01: support 2006-07-01 … 2026-06-30. */
	public static final LocalDate ORIGINAL = LocalDate.of(2001, 5, 1);

	private static final String[] NAMES = { "李明", "王芳", "张伟", "刘洋", "陈静", "杨磊", "赵丽", "黄强", "周敏", "吴军" };

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final RestTestClient client;

	public Fixtures(RestTestClient client) {
		this.client = client;
	}

	public TestHttp as(String token) {
		return new TestHttp(this.client).as(token);
	}

	/** Centre staff who generate batches. */
	public TestHttp staff() {
		return as(TestTokens.staff("alice"));
	}

	/** Centre staff who approve them (four-eyes). */
	public TestHttp approver() {
		return as(TestTokens.staff("bob"));
	}

	public static TestHttp population() {
		return new TestHttp(
				RestTestClient.bindToServer().baseUrl(PopulationServiceInitializer.population().baseUrl()).build())
			.as(TestTokens.staff("clerk"));
	}

	/** Today in the unit's calendar, as the service sees it. */
	public static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	/** Registers a person with a card account in a household of its own. */
	public static Person register(String township, LocalDate relocatedOn, String cardAccount) {
		TestHttp population = population();
		Map<String, Object> household = new LinkedHashMap<>();
		household.put("householdNo", "S" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet());
		household.put("townshipCode", township);
		household.put("village", "三合村");
		household.put("areaType", "RESERVOIR_AREA");
		household.put("relocatedOn", relocatedOn.toString());
		TestHttp.Response created = population.post("/api/v1/population/households", household);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Map<String, Object> migrant = new LinkedHashMap<>();
		migrant.put("idNumber", TestIdNumbers.unique());
		migrant.put("name", NAMES[SEQUENCE.get() % NAMES.length]);
		migrant.put("householdId", created.at("/id"));
		if (cardAccount != null) {
			migrant.put("cardAccount", cardAccount);
		}
		TestHttp.Response person = population.post("/api/v1/population/migrants", migrant);
		assertThat(person.status()).as(person.toString()).isEqualTo(201);
		return new Person(person.at("/id"), person.at("/idNumber"), person.at("/name"), cardAccount, township);
	}

	public static Person register(String township) {
		return register(township, ORIGINAL, card());
	}

	/** A fresh 16-digit card account. */
	public static String card() {
		return "62170" + String.format("%011d", Math.abs(System.nanoTime()) % 100_000_000_000L);
	}

	/**
	 * Records a dynamic adjustment (DEATH, MOVED_OUT, REINSTATED, …) in
	 * population-service.
	 */
	public static void adjust(Person person, String type, LocalDate effectiveDate) {
		TestHttp.Response response = population().post("/api/v1/population/migrants/" + person.id() + "/adjustments",
				Map.of("type", type, "effectiveDate", effectiveDate.toString(), "decidedOn",
						LocalDate.now(ZoneOffset.UTC).toString(), "reason", "测试", "documentNo", "邵移〔2024〕1号"));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	/** Corrects a person's card account in population-service. */
	public static Person correctCard(Person person, String cardAccount) {
		TestHttp population = population();
		String etag = population.get("/api/v1/population/migrants/" + person.id()).etag();
		TestHttp.Response response = population.patch("/api/v1/population/migrants/" + person.id(),
				Map.of("cardAccount", cardAccount), etag);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return new Person(person.id(), person.idNumber(), person.name(), cardAccount, person.township());
	}

	public void policy(int year, String frequency) {
		TestHttp.Response response = staff().put(BASE + "/policies/" + year,
				Map.of("annualAmount", 600, "frequency", frequency));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	/** Generates a regular batch (inside the request) and returns it. */
	public TestHttp.Response generate(int year, String period) {
		TestHttp.Response response = staff().post(BASE + "/batches", Map.of("year", year, "period", period));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.at("/status")).isEqualTo("DRAFT");
		return response;
	}

	public TestHttp.Response approve(String batchId) {
		TestHttp.Response response = approver().post(BASE + "/batches/" + batchId + "/approve", null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}

	/** Downloads the CSV bank file (exporting the batch) and reads its lines. */
	public List<BankLine> bankFile(String batchId) {
		TestHttp.Response response = staff().get(BASE + "/batches/" + batchId + "/bank-file?format=csv");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return readBankFile(response.body());
	}

	public static List<BankLine> readBankFile(String csv) {
		String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
		List<BankLine> lines = new ArrayList<>();
		try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(new StringReader(text))) {
			boolean header = true;
			for (CsvRecord record : reader) {
				if (header) {
					assertThat(record.getFields()).containsExactly("参考号", "身份证号码", "姓名", "一卡通账号", "金额");
					header = false;
					continue;
				}
				lines.add(new BankLine(record.getField(0), record.getField(1), record.getField(2), record.getField(3),
						record.getField(4)));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return lines;
	}

	/** Results for every line: PAID today, except the given ID numbers FAILED. */
	public static List<Map<String, Object>> results(List<BankLine> lines, Map<String, String> failures) {
		List<Map<String, Object>> results = new ArrayList<>();
		for (BankLine line : lines) {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("lineRef", line.lineRef());
			if (failures.containsKey(line.idNumber())) {
				result.put("status", "FAILED");
				result.put("failureReason", failures.get(line.idNumber()));
			}
			else {
				result.put("status", "PAID");
				result.put("paidOn", today().toString());
			}
			results.add(result);
		}
		return results;
	}

	public TestHttp.Response record(String batchId, List<Map<String, Object>> results) {
		TestHttp.Response response = staff().post(BASE + "/batches/" + batchId + "/results",
				Map.of("results", results));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response;
	}

	/** Approves, exports and records every line of a batch as paid; returns its lines. */
	public List<BankLine> payAll(String batchId) {
		approve(batchId);
		List<BankLine> lines = bankFile(batchId);
		TestHttp.Response report = record(batchId, results(lines, Map.of()));
		assertThat(report.at("/applied")).isEqualTo(String.valueOf(lines.size()));
		return lines;
	}

	/** Waits for a job to end and returns it. */
	public JsonNode awaitJob(String location) {
		JsonNode[] job = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			TestHttp.Response response = staff().get(location);
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			assertThat(response.at("/status")).as(response.toString()).isIn("SUCCEEDED", "FAILED");
			job[0] = response.json();
		});
		return job[0];
	}

	public static BankLine lineOf(List<BankLine> lines, Person person) {
		return lines.stream()
			.filter((l) -> l.idNumber().equals(person.idNumber()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(person + " is not in the bank file"));
	}

	/** A person registered in population-service. */
	public record Person(String id, String idNumber, String name, String cardAccount, String township) {
	}

	/** A line of a bank file. */
	public record BankLine(String lineRef, String idNumber, String name, String cardAccount, String amount) {
	}

}
