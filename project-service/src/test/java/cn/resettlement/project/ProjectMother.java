package cn.resettlement.project;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import cn.resettlement.testsupport.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Object Mother: allocations and projects of the Shaodong unit, made over HTTP. Tests
 * other than the reference-year ones use {@link #YEAR} so that the 2024 (and 2023)
 * figures stay those of the seed.
 */
public final class ProjectMother {

	public static final int YEAR = 2022;

	public static final String TOWNSHIP = "430582101";

	public static final String OTHER_TOWNSHIP = "430582102";

	public static final String ALLOCATIONS = "/api/v1/projects/fund-allocations";

	public static final String PROJECTS = "/api/v1/projects";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private ProjectMother() {
	}

	/** A number unique in this test run, for codes and document numbers. */
	public static String unique(String prefix) {
		return prefix + "-" + (System.nanoTime() % 1_000_000_000L) + "-" + SEQUENCE.incrementAndGet();
	}

	public static Map<String, Object> allocation(int year, String category, String amountYuan) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("year", year);
		body.put("category", category);
		body.put("documentNo", unique("邵财农〔" + year + "〕"));
		body.put("title", year + "年水库移民后期扶持资金");
		body.put("amount", new BigDecimal(amountYuan));
		body.put("issuedOn", LocalDate.of(year, 3, 1).toString());
		return body;
	}

	/** Records an allocation and returns its id. */
	public static String allocate(TestHttp http, int year, String category, String amountYuan) {
		TestHttp.Response response = http.post(ALLOCATIONS, allocation(year, category, amountYuan));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.at("/id");
	}

	public static Map<String, Object> project(int year, String type, String township, String budgetYuan) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", unique("SD" + year));
		body.put("name", "三合村机耕道硬化");
		body.put("type", type);
		body.put("townshipCode", township);
		body.put("village", "三合村");
		body.put("year", year);
		body.put("budget", new BigDecimal(budgetYuan));
		body.put("implementingUnit", "九龙岭镇人民政府");
		body.put("beneficiaryHouseholds", 120);
		body.put("beneficiaryPersons", 430);
		return body;
	}

	/** A project body drawing one funding line. */
	public static Map<String, Object> funded(int year, String type, String township, String budgetYuan,
			String allocationId, String amountYuan) {
		Map<String, Object> body = project(year, type, township, budgetYuan);
		body.put("fundings", List.of(funding(allocationId, amountYuan)));
		return body;
	}

	public static Map<String, Object> funding(String allocationId, String amountYuan) {
		return Map.of("allocationId", allocationId, "amount", new BigDecimal(amountYuan));
	}

	/** Proposes a project and returns the response. */
	public static TestHttp.Response propose(TestHttp http, Map<String, Object> body) {
		TestHttp.Response response = http.post(PROJECTS, body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	public static Map<String, Object> approval(int year) {
		return Map.of("approvedOn", LocalDate.of(year, 3, 20).toString(), "documentNo", "邵移批〔" + year + "〕1号",
				"noticeStartOn", LocalDate.of(year, 3, 5).toString(), "noticeEndOn",
				LocalDate.of(year, 3, 12).toString());
	}

	/** Approves and starts a project of the given year; returns the started project. */
	public static TestHttp.Response approveAndStart(TestHttp http, String projectId, int year) {
		TestHttp.Response approved = http.post(PROJECTS + "/" + projectId + "/approve", approval(year));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		TestHttp.Response started = http.post(PROJECTS + "/" + projectId + "/start",
				Map.of("startedOn", LocalDate.of(year, 4, 1).toString()));
		assertThat(started.status()).as(started.toString()).isEqualTo(200);
		return started;
	}

	/** Uploads a list for import and waits for its job to end; returns the job. */
	public static JsonNode importList(TestHttp http, String what, String filename, byte[] content) {
		TestHttp.Response accepted = http.upload(PROJECTS + "/imports/" + what, filename, content);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		String location = accepted.headers().getLocation().getPath();
		assertThat(location).isEqualTo(PROJECTS + "/jobs/" + accepted.at("/id"));
		JsonNode[] job = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			job[0] = http.get(location).json();
			assertThat(job[0].get("status").asString()).isIn("SUCCEEDED", "FAILED");
		});
		return job[0];
	}

	public static Map<String, Object> progress(LocalDate reportedOn, int percent, String investmentYuan) {
		return Map.of("reportedOn", reportedOn.toString(), "progressPercent", percent, "investmentCompleted",
				new BigDecimal(investmentYuan));
	}

}
