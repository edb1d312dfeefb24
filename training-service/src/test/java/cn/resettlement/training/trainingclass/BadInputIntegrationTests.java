package cn.resettlement.training.trainingclass;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.training.support.TrainingIntegrationTest;
import cn.resettlement.training.support.TrainingMother;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is a 4xx problem naming what is wrong, never a 5xx, and changes nothing. */
@TrainingIntegrationTest
class BadInputIntegrationTests {

	private static final String[] TABLES = { "training_class", "enrollment", "disbursement", "vocational_subsidy",
			"training_plan", "outbox_event" };

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesBadClassesWithoutWritingAnything() {
		TestHttp staff = new TestHttp(this.client).as(TestTokens.staff("alice"));
		Map<String, Long> before = counts();

		assertRefused(staff.post(TrainingMother.CLASSES, "{\"category\":"), 400, null);
		assertRefused(staff.post(TrainingMother.CLASSES, "[]"), 400, null);
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.remove("title"))), 400, "title");
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.put("category", "COOKING"))), 400, "category");
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.put("budget", "abc"))), 400, "budget");
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.put("budget", -5))), 400, "budget");
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.put("budget", 10.123))), 400, "budget");
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.put("budget", 0))), 400, "budget");
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.put("budget", 1e12))), 400, "budget");
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.put("year", 2025.5))), 400, "year");
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.put("year", 1999))), 400, "year");
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.put("year", 2024))), 400, "year");
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.put("startDate", "2025-02-30"))), 400,
				"startDate");
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.put("endDate", "2025-03-01"))), 400, "endDate");
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.put("title", "养殖\n技术"))), 400, "title");
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.put("title", "长".repeat(101)))), 400, "title");
		assertRefused(
				staff.post(TrainingMother.CLASSES, with((b) -> b.put("title", "'; drop table training_class; --"))),
				201, null);
		assertRefused(staff.post(TrainingMother.CLASSES, with((b) -> b.put("extra", true))), 400, "extra");
		assertRefused(staff.get(TrainingMother.CLASSES + "?size=501"), 400, "size");
		assertRefused(staff.get(TrainingMother.CLASSES + "?category=X"), 400, "category");
		assertRefused(staff.get(TrainingMother.CLASSES + "/not-a-uuid"), 400, null);
		assertRefused(staff.get(TrainingMother.CLASSES + "/" + UUID.randomUUID()), 404, null);
		assertRefused(staff.get("/api/v1/training/summaries/1999"), 400, "year");

		Map<String, Long> after = counts();
		assertThat(after.get("training_class")).as("only the harmless title was stored")
			.isEqualTo(before.get("training_class") + 1);
	}

	@Test
	void refusesBadEnrolmentsPaymentsGrantsAndPlansWithoutWritingAnything() {
		TestHttp staff = new TestHttp(this.client).as(TestTokens.staff("alice"));
		String classId = TrainingMother.openEndedClass(staff, 2025, "10000");
		String base = TrainingMother.CLASSES + "/" + classId;
		Map<String, Long> before = counts();
		String valid = TestIdNumbers.unique();

		assertRefused(staff.post(base + "/enrollments", Map.of("idNumber", TestIdNumbers.withBadCheckDigit(valid))),
				400, "idNumber");
		assertRefused(staff.post(base + "/enrollments", Map.of("idNumber", "43058219900101123")), 400, "idNumber");
		assertRefused(staff.post(base + "/enrollments", Map.of("idNumber", valid + "1")), 400, "idNumber");
		assertRefused(staff.post(base + "/enrollments", Map.of()), 400, "idNumber");
		assertRefused(staff.post(base + "/enrollments", Map.of("idNumber", 430582)), 400, "idNumber");
		assertRefused(staff.post(TrainingMother.CLASSES + "/" + UUID.randomUUID() + "/enrollments",
				Map.of("idNumber", valid)), 404, null);
		assertRefused(staff.upload(base + "/enrollments/imports", "empty.csv", new byte[0]), 400, "file");
		assertRefused(staff.post(base + "/complete", Map.of("completedIdNumbers", List.of("123"))), 400,
				"completedIdNumbers[0]");

		assertRefused(staff.post(base + "/disbursements", payment("amount", 0)), 400, "amount");
		assertRefused(staff.post(base + "/disbursements", payment("amount", 1.234)), 400, "amount");
		assertRefused(staff.post(base + "/disbursements", payment("amount", -1)), 400, "amount");
		assertRefused(staff.post(base + "/disbursements", payment("paidOn", LocalDate.now().plusDays(1).toString())),
				400, "paidOn");
		assertRefused(staff.post(base + "/disbursements", payment("voucherNo", "")), 400, "voucherNo");

		assertRefused(staff.post(TrainingMother.VOCATIONAL, grant("academicYear", "2024-2026")), 400, "academicYear");
		assertRefused(staff.post(TrainingMother.VOCATIONAL, grant("academicYear", "2026-2027")), 400, "academicYear");
		assertRefused(staff.post(TrainingMother.VOCATIONAL, grant("year", 2099)), 400, "year");
		assertRefused(staff.post(TrainingMother.VOCATIONAL, grant("level", "UNIVERSITY")), 400, "level");
		assertRefused(staff.post(TrainingMother.VOCATIONAL, grant("lateClaim", "yes")), 400, "lateClaim");
		assertRefused(staff.post(TrainingMother.VOCATIONAL, grant("amount", 0.001)), 400, "amount");

		assertRefused(
				staff.put("/api/v1/training/plans/2025",
						Map.of("categories", List.of(planItem("LEADER", 1, 10), planItem("LEADER", 2, 20)))),
				400, "categories[1].category");
		assertRefused(
				staff.put("/api/v1/training/plans/2025", Map.of("categories", List.of(planItem("LEADER", -1, 10)))),
				400, "categories[0].plannedClasses");
		assertRefused(
				staff.put("/api/v1/training/plans/1850", Map.of("categories", List.of(planItem("LEADER", 1, 10)))), 400,
				"year");

		assertThat(counts()).isEqualTo(before);
	}

	private static void assertRefused(TestHttp.Response response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		if (status >= 400) {
			assertThat(response.contentType()).as(response.toString()).hasToString("application/problem+json");
		}
		if (field != null) {
			assertThat(response.json().at("/errors").valueStream().map((e) -> e.at("/field").asString()))
				.as(response.toString())
				.contains(field);
		}
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, this.jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}

	private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
		Map<String, Object> body = TrainingMother.classBody("AGRICULTURAL", "养殖技术", 2025, LocalDate.of(2025, 3, 4),
				LocalDate.of(2025, 3, 8), "10000");
		change.accept(body);
		return body;
	}

	private static Map<String, Object> payment(String field, Object value) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("amount", 100);
		body.put("paidOn", "2025-03-20");
		body.put("voucherNo", "记-9");
		body.put(field, value);
		return body;
	}

	private static Map<String, Object> grant(String field, Object value) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("idNumber", TestIdNumbers.unique(LocalDate.of(2007, 1, 1)));
		body.put("school", "邵东市职业中专");
		body.put("programme", "数控技术");
		body.put("level", "SECONDARY_VOCATIONAL");
		body.put("academicYear", "2024-2025");
		body.put("year", 2025);
		body.put(field, value);
		return body;
	}

	private static Map<String, Object> planItem(String category, int classes, int personTimes) {
		return Map.of("category", category, "plannedClasses", classes, "plannedPersonTimes", personTimes);
	}

}
