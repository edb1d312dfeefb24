package cn.resettlement.project.allocation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.project.ProjectMother;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class FundAllocationIntegrationTests {

	private static TopicRecorder topic;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	TestHttp staff;

	@BeforeAll
	static void recordTopic(@Autowired KafkaConnectionDetails kafka) {
		topic = TopicRecorder.record(String.join(",", kafka.getBootstrapServers()), "resettlement.project.v1");
	}

	@AfterAll
	static void stopRecording() {
		topic.close();
	}

	@BeforeEach
	void setUp() {
		this.staff = new TestHttp(this.client).as(TestTokens.staff("fang"));
	}

	@Test
	void recordsAnAllocationWithItsBalanceAndPublishesFundAllocated() {
		Map<String, Object> body = ProjectMother.allocation(ProjectMother.YEAR, "KEY_VILLAGE", "4000000.00");
		TestHttp.Response created = this.staff.post(ProjectMother.ALLOCATIONS, body);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.at("/id");
		assertThat(created.headers().getLocation()).hasPath(ProjectMother.ALLOCATIONS + "/" + id);
		assertThat(created.at("/categoryLabel")).isEqualTo("重点移民村建设专项");
		assertThat(created.json().get("amount").decimalValue()).isEqualByComparingTo("4000000");
		assertThat(created.json().get("remaining").decimalValue()).isEqualByComparingTo("4000000");
		assertThat(this.jdbc.sql("select created_by from fund_allocation where id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("fang");

		JsonNode event = topic.awaitEvent("FundAllocated", (e) -> e.get("subject").asString().equals(id));
		assertThat(event.get("type").asString()).isEqualTo("resettlement.project.FundAllocated.v1");
		assertThat(event.get("source").asString()).isEqualTo("/resettlement/430582/project-service");
		assertThat(event.at("/data/amountFen").asLong()).isEqualTo(400_000_000L);
		assertThat(event.at("/data/category").asString()).isEqualTo("KEY_VILLAGE");
		assertThat(event.at("/data/year").asInt()).isEqualTo(ProjectMother.YEAR);
		assertThat(event.at("/data/documentNo").asString()).isEqualTo(body.get("documentNo"));
		assertThat(event.at("/data/issuedOn").asString()).isEqualTo(body.get("issuedOn"));
		topic.assertAllValid();
	}

	@Test
	void theBalanceFollowsWhatProjectsDrawAndTheYearIsSummedByCategory() {
		int year = 2021;
		String allocation = ProjectMother.allocate(this.staff, year, "PROMINENT_ISSUES", "870000");
		ProjectMother.allocate(this.staff, year, "PROMINENT_ISSUES", "330000");
		ProjectMother.propose(this.staff,
				ProjectMother.funded(year, "PROMINENT_ISSUES", ProjectMother.TOWNSHIP, "500000", allocation, "500000"));

		TestHttp.Response read = this.staff.get(ProjectMother.ALLOCATIONS + "/" + allocation);
		assertThat(read.json().get("drawn").decimalValue()).isEqualByComparingTo("500000");
		assertThat(read.json().get("remaining").decimalValue()).isEqualByComparingTo("370000");
		assertThat(read.etag()).isEqualTo("\"1\"");

		TestHttp.Response balances = this.staff.get(ProjectMother.ALLOCATIONS + "/balances?year=" + year);
		assertThat(balances.status()).isEqualTo(200);
		assertThat(balances.at("/allocations")).isEqualTo("2");
		assertThat(balances.json().at("/byCategory/PROMINENT_ISSUES/allocated").decimalValue())
			.isEqualByComparingTo("1200000");
		assertThat(balances.json().at("/byCategory/PROMINENT_ISSUES/remaining").decimalValue())
			.isEqualByComparingTo("700000");

		TestHttp.Response list = this.staff.get(ProjectMother.ALLOCATIONS + "?year=" + year + "&size=1");
		assertThat(list.at("/total")).isEqualTo("2");
		assertThat(list.json().get("items")).hasSize(1);
		TestHttp.Response drawers = this.staff.get(ProjectMother.PROJECTS + "?allocationId=" + allocation);
		assertThat(drawers.at("/total")).isEqualTo("1");
	}

	@Test
	void refusesADuplicateDocumentWithConflict() {
		Map<String, Object> body = ProjectMother.allocation(ProjectMother.YEAR, "FIRST_BATCH", "100");
		assertThat(this.staff.post(ProjectMother.ALLOCATIONS, body).status()).isEqualTo(201);
		TestHttp.Response duplicate = this.staff.post(ProjectMother.ALLOCATIONS, body);
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.at("/type")).isEqualTo("/problems/duplicate-allocation");
	}

	@Test
	void badInputIsAProblemAndWritesNothing() {
		long before = allocations();
		List<Consumer<Map<String, Object>>> breakages = List.of((b) -> b.put("amount", -1), (b) -> b.put("amount", 0),
				(b) -> b.put("amount", 10.005), (b) -> b.put("amount", "100"), (b) -> b.put("amount", 100_000_000_001L),
				(b) -> b.remove("amount"), (b) -> b.put("category", "SUBSIDY"), (b) -> b.put("category", 1),
				(b) -> b.remove("documentNo"), (b) -> b.put("documentNo", " "),
				(b) -> b.put("documentNo", "x".repeat(101)), (b) -> b.put("title", "标题\u0000"),
				(b) -> b.put("year", 1999), (b) -> b.put("year", 2024.5), (b) -> b.put("issuedOn", "2024-02-30"),
				(b) -> b.put("issuedOn", LocalDate.now().plusDays(2).toString()),
				(b) -> b.put("issuedOn", "1999-12-31"), (b) -> b.put("unknown", "x"));
		for (Consumer<Map<String, Object>> breakage : breakages) {
			Map<String, Object> body = new LinkedHashMap<>(
					ProjectMother.allocation(ProjectMother.YEAR, "OTHER", "100"));
			breakage.accept(body);
			TestHttp.Response response = this.staff.post(ProjectMother.ALLOCATIONS, body);
			assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
			assertThat(response.contentType()).hasToString("application/problem+json");
			assertThat(response.json().get("errors")).as(response.toString()).isNotEmpty();
		}
		assertThat(this.staff.post(ProjectMother.ALLOCATIONS, "{\"year\":").status()).isEqualTo(400);
		assertThat(this.staff.get(ProjectMother.ALLOCATIONS + "/balances?year=abc").status()).isEqualTo(400);
		assertThat(this.staff.get(ProjectMother.ALLOCATIONS + "/not-a-uuid").status()).isEqualTo(400);
		assertThat(allocations()).isEqualTo(before);
	}

	@Test
	void onlyCentreStaffRecordAllocationsAndEveryoneReadsThem() {
		String id = ProjectMother.allocate(this.staff, ProjectMother.YEAR, "OTHER", "10");
		long before = allocations();
		for (String token : List.of(TestTokens.auditor("audrey"), TestTokens.officer("olga", ProjectMother.TOWNSHIP))) {
			TestHttp other = new TestHttp(this.client).as(token);
			TestHttp.Response refused = other.post(ProjectMother.ALLOCATIONS,
					ProjectMother.allocation(ProjectMother.YEAR, "OTHER", "10"));
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.contentType()).hasToString("application/problem+json");
			assertThat(other.get(ProjectMother.ALLOCATIONS + "/" + id).status()).isEqualTo(200);
		}
		assertThat(new TestHttp(this.client).get(ProjectMother.ALLOCATIONS + "/" + id).status()).isEqualTo(401);
		assertThat(allocations()).isEqualTo(before);
	}

	@Test
	void replaysTheFirstResponseForARepeatedIdempotencyKey() {
		Map<String, Object> body = ProjectMother.allocation(ProjectMother.YEAR, "HARDSHIP_AID", "340000");
		Map<String, String> key = Map.of("Idempotency-Key", ProjectMother.unique("alloc"));
		TestHttp.Response first = this.staff.post(ProjectMother.ALLOCATIONS, body, key);
		TestHttp.Response second = this.staff.post(ProjectMother.ALLOCATIONS, body, key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.at("/id")).isEqualTo(first.at("/id"));
		assertThat(second.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.jdbc.sql("select count(*) from fund_allocation where document_no = ?")
			.param(body.get("documentNo"))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long allocations() {
		return this.jdbc.sql("select count(*) from fund_allocation").query(Long.class).single();
	}

}
