package cn.resettlement.training.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Object Mother: persons registered in the real population-service, classes, lists and
 * jobs of training-service, all over HTTP.
 */
public final class TrainingMother {

	public static final String TOWNSHIP = "430582101";

	public static final String OTHER_TOWNSHIP = "430582102";

	public static final String CLASSES = "/api/v1/training/classes";

	public static final String VOCATIONAL = "/api/v1/training/vocational-subsidies";

	private static final String SURNAMES = "李王张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗";

	private static final String GIVEN = "明芳伟娜强敏静磊洋艳勇军杰娟涛超霞平刚桂";

	private static final AtomicInteger PERSONS = new AtomicInteger();

	private static final AtomicInteger HOUSEHOLDS = new AtomicInteger();

	private TrainingMother() {
	}

	/**
	 * A person for the population register.
	 *
	 * @param idNumber ID number
	 * @param name name
	 * @param township township code
	 */
	public record Person(String idNumber, String name, String township) {
	}

	/** A new adult (born 1970–1999), not yet registered anywhere. */
	public static Person adult(String township) {
		return new Person(TestIdNumbers.unique(), name(), township);
	}

	/** A new student of vocational-school age (born 2006–2008). */
	public static Person student(String township) {
		int n = PERSONS.get();
		return new Person(TestIdNumbers.unique(LocalDate.of(2006 + n % 3, 1 + n % 12, 1 + n % 28)), name(), township);
	}

	public static List<Person> adults(int count, String township) {
		List<Person> persons = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			persons.add(adult(township));
		}
		return persons;
	}

	/**
	 * Registers persons in population-service with one township-roster import (as staff),
	 * four to a household, and waits until the register knows them all.
	 */
	public static void register(List<Person> persons) {
		StringBuilder csv = new StringBuilder(
				"householdNo,townshipCode,village,areaType,relocatedOn,idNumber,name,relationToHead\n");
		String household = null;
		int members = 0;
		for (int i = 0; i < persons.size(); i++) {
			Person person = persons.get(i);
			if (members == 4 || i == 0 || !person.township().equals(persons.get(i - 1).township())) {
				household = "T" + System.nanoTime() % 1_000_000_000L + "-" + HOUSEHOLDS.incrementAndGet();
				members = 0;
			}
			members++;
			csv.append(household)
				.append(',')
				.append(person.township())
				.append(",三合村,RESERVOIR_AREA,2001-05-01,")
				.append(person.idNumber())
				.append(',')
				.append(person.name())
				.append(',')
				.append((members == 1) ? "户主" : "子女")
				.append('\n');
		}
		TestHttp population = PopulationService.http(TestTokens.staff("population-clerk"));
		TestHttp.Response accepted = population.upload("/api/v1/population/imports", "roster.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		// the import is done when the register knows every person (it writes them in one
		// transaction): watched through the lookup training-service itself uses
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			long found = 0;
			for (int from = 0; from < persons.size(); from += 1000) {
				List<String> idNumbers = persons.subList(from, Math.min(persons.size(), from + 1000))
					.stream()
					.map(Person::idNumber)
					.toList();
				found += population.post("/api/v1/population/migrants/lookup", Map.of("idNumbers", idNumbers))
					.json()
					.at("/items")
					.size();
			}
			assertThat(found).as("persons registered by the import").isEqualTo(persons.size());
		});
	}

	/** Registers one adult of the township and returns them. */
	public static Person registered(String township) {
		Person person = adult(township);
		register(List.of(person));
		return person;
	}

	/** Removes a person from the register (a DEATH adjustment) in population-service. */
	public static void removeFromRegister(Person person) {
		TestHttp population = PopulationService.http(TestTokens.staff("population-clerk"));
		TestHttp.Response found = population.post("/api/v1/population/migrants/lookup",
				Map.of("idNumbers", List.of(person.idNumber())));
		String migrantId = found.at("/items/0/migrantId");
		Map<String, Object> adjustment = new LinkedHashMap<>();
		adjustment.put("type", "DEATH");
		adjustment.put("effectiveDate", "2025-03-01");
		adjustment.put("decidedOn", "2025-03-10");
		adjustment.put("reason", "死亡核减");
		TestHttp.Response adjusted = population.post("/api/v1/population/migrants/" + migrantId + "/adjustments",
				adjustment);
		assertThat(adjusted.status()).as(adjusted.toString()).isEqualTo(201);
	}

	public static Map<String, Object> classBody(String category, String title, int year, LocalDate start, LocalDate end,
			String budget) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("category", category);
		body.put("title", title);
		body.put("year", year);
		body.put("startDate", start.toString());
		body.put("endDate", end.toString());
		body.put("location", "邵东市移民培训基地");
		body.put("provider", "邵东市职业中专");
		body.put("budget", new BigDecimal(budget));
		return body;
	}

	/** Opens a class and returns its id. */
	public static String openClass(TestHttp http, Map<String, Object> body) {
		TestHttp.Response created = http.post(CLASSES, body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.at("/id");
	}

	/** Opens a 5-day agricultural class of the year (ended, so it can be completed). */
	public static String openEndedClass(TestHttp http, int year, String budget) {
		return openClass(http,
				classBody("AGRICULTURAL", "养殖技术", year, LocalDate.of(year, 3, 4), LocalDate.of(year, 3, 8), budget));
	}

	public static Map<String, Object> enrolment(Person person) {
		return Map.of("idNumber", person.idNumber());
	}

	/** A CSV file: a header line and rows. */
	public static byte[] csv(String header, List<String> rows) {
		StringBuilder text = new StringBuilder(header).append('\n');
		rows.forEach((row) -> text.append(row).append('\n'));
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** An enrolment list of these persons (身份证号, 姓名). */
	public static byte[] enrolmentList(List<Person> persons) {
		return csv("身份证号,姓名", persons.stream().map((p) -> p.idNumber() + "," + p.name()).toList());
	}

	/** Uploads a list, waits for its job and returns the finished job. */
	public static JsonNode upload(TestHttp http, String uri, String filename, byte[] content) {
		TestHttp.Response accepted = http.upload(uri, filename, content);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		return awaitJob(http, accepted);
	}

	/** Polls a 202's job until it has finished, and returns it. */
	public static JsonNode awaitJob(TestHttp http, TestHttp.Response accepted) {
		String location = accepted.headers().getLocation().toString();
		TestHttp.Response[] last = new TestHttp.Response[1];
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			last[0] = http.get(location);
			assertThat(last[0].at("/status")).as("job %s", last[0]).isIn("SUCCEEDED", "FAILED");
		});
		return last[0].json();
	}

	private static String name() {
		int n = PERSONS.incrementAndGet();
		return "" + SURNAMES.charAt(n % SURNAMES.length()) + GIVEN.charAt((n / 20) % GIVEN.length())
				+ GIVEN.charAt((n / 400) % GIVEN.length());
	}

}
