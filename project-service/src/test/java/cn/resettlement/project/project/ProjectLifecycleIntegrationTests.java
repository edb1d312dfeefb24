package cn.resettlement.project.project;

import java.math.BigDecimal;
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
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.project.ProjectMother;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;

import static cn.resettlement.project.ProjectMother.PROJECTS;
import static cn.resettlement.project.ProjectMother.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ProjectLifecycleIntegrationTests {

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
		this.staff = new TestHttp(this.client).as(TestTokens.staff("li"));
	}

	@Test
	void aProjectGoesFromProposalToAcceptanceAndEveryStepIsAnEvent() {
		String first = ProjectMother.allocate(this.staff, YEAR, "FIRST_BATCH", "600000");
		String village = ProjectMother.allocate(this.staff, YEAR, "KEY_VILLAGE", "2000000");
		Map<String, Object> body = ProjectMother.project(YEAR, "KEY_VILLAGE", ProjectMother.TOWNSHIP, "2000000");
		body.put("fundings",
				List.of(ProjectMother.funding(first, "200000"), ProjectMother.funding(village, "1800000")));
		TestHttp.Response proposed = ProjectMother.propose(this.staff, body);
		String id = proposed.at("/id");
		String uri = PROJECTS + "/" + id;
		assertThat(proposed.at("/status")).isEqualTo("PROPOSED");
		assertThat(proposed.json().get("funding").decimalValue()).isEqualByComparingTo("2000000");
		assertThat(proposed.json().get("fundings")).hasSize(2);
		assertThat(remaining(first)).isEqualByComparingTo("400000");
		assertThat(remaining(village)).isEqualByComparingTo("200000");

		TestHttp.Response approved = this.staff.post(uri + "/approve", ProjectMother.approval(YEAR));
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.at("/noticeStartOn")).isEqualTo(YEAR + "-03-05");
		assertThat(approved.at("/noticeEndOn")).isEqualTo(YEAR + "-03-12");
		assertThat(approved.at("/approvedOn")).isEqualTo(YEAR + "-03-20");
		assertThat(this.staff.post(uri + "/disbursements", disbursement("150000", YEAR + "-03-25")).status())
			.isEqualTo(201);
		assertThat(this.staff.post(uri + "/start", Map.of("startedOn", YEAR + "-04-01")).at("/status"))
			.isEqualTo("IN_PROGRESS");
		assertThat(report(uri, YEAR + "-06-30", 45, "900000").status()).isEqualTo(201);
		TestHttp.Response disbursed = this.staff.post(uri + "/disbursements", disbursement("750000", YEAR + "-07-01"));
		assertThat(disbursed.status()).as(disbursed.toString()).isEqualTo(201);
		assertThat(disbursed.json().get("sources")).hasSize(2);
		assertThat(report(uri, YEAR + "-10-31", 100, "1950000").status()).isEqualTo(201);
		assertThat(this.staff.post(uri + "/complete", Map.of("completedOn", YEAR + "-11-05")).at("/status"))
			.isEqualTo("COMPLETED");
		TestHttp.Response accepted = this.staff.post(uri + "/accept",
				Map.of("acceptedOn", YEAR + "-12-10", "documentNo", "邵移验〔" + YEAR + "〕3号"));
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.at("/status")).isEqualTo("ACCEPTED");
		assertThat(accepted.json().get("investmentCompleted").decimalValue()).isEqualByComparingTo("1950000");
		assertThat(accepted.json().get("disbursed").decimalValue()).isEqualByComparingTo("900000");
		assertThat(accepted.etag()).isEqualTo("\"8\"");

		JsonNode progress = this.staff.get(uri + "/progress").json();
		assertThat(progress).hasSize(2);
		assertThat(progress.get(1).get("sequence").asInt()).isEqualTo(2);
		JsonNode disbursements = this.staff.get(uri + "/disbursements").json();
		assertThat(disbursements).hasSize(2);
		assertThat(disbursements.get(1).get("sources")).hasSize(2);

		JsonNode proposedEvent = awaitEvent("ProjectProposed", id);
		assertThat(proposedEvent.at("/data/year").asInt()).isEqualTo(YEAR);
		assertThat(proposedEvent.at("/data/type").asString()).isEqualTo("KEY_VILLAGE");
		assertThat(proposedEvent.at("/data/townshipCode").asString()).isEqualTo(ProjectMother.TOWNSHIP);
		assertThat(proposedEvent.at("/data/budgetFen").asLong()).isEqualTo(200_000_000L);
		assertThat(proposedEvent.at("/data/fundingTotalFen").asLong()).isEqualTo(200_000_000L);
		assertThat(proposedEvent.at("/data/fundings/0/category").asString()).isEqualTo("FIRST_BATCH");
		assertThat(proposedEvent.at("/data/fundings/0/allocationYear").asInt()).isEqualTo(YEAR);
		assertThat(proposedEvent.at("/data/fundings/1/amountFen").asLong()).isEqualTo(180_000_000L);
		JsonNode approvedEvent = awaitEvent("ProjectApproved", id);
		assertThat(approvedEvent.at("/data/noticeStartOn").asString()).isEqualTo(YEAR + "-03-05");
		assertThat(approvedEvent.at("/data/noticeEndOn").asString()).isEqualTo(YEAR + "-03-12");
		assertThat(awaitEvent("ProjectStarted", id).at("/data/startedOn").asString()).isEqualTo(YEAR + "-04-01");
		List<JsonNode> reports = topic.awaitEvents("ProjectProgressReported",
				(e) -> e.get("subject").asString().equals(id), 2);
		assertThat(reports).extracting((e) -> e.at("/data/investmentCompletedFen").asLong())
			.containsExactly(90_000_000L, 195_000_000L);
		assertThat(reports.get(1).at("/data/previousInvestmentCompletedFen").asLong()).isEqualTo(90_000_000L);
		assertThat(reports.get(1).at("/data/sequence").asInt()).isEqualTo(2);
		List<JsonNode> payments = topic.awaitEvents("ProjectFundsDisbursed",
				(e) -> e.get("subject").asString().equals(id), 2);
		JsonNode second = payments.get(1);
		assertThat(second.at("/data/amountFen").asLong()).isEqualTo(75_000_000L);
		assertThat(second.at("/data/paidOn").asString()).isEqualTo(YEAR + "-07-01");
		assertThat(second.at("/data/disbursedTotalFen").asLong()).isEqualTo(90_000_000L);
		assertThat(second.at("/data/sources")).hasSize(2);
		assertThat(second.at("/data/sources/0/amountFen").asLong()).isEqualTo(5_000_000L);
		assertThat(second.at("/data/sources/0/category").asString()).isEqualTo("FIRST_BATCH");
		assertThat(second.at("/data/sources/1/amountFen").asLong()).isEqualTo(70_000_000L);
		assertThat(awaitEvent("ProjectCompleted", id).at("/data/investmentCompletedFen").asLong())
			.isEqualTo(195_000_000L);
		assertThat(awaitEvent("ProjectAccepted", id).at("/data/acceptedOn").asString()).isEqualTo(YEAR + "-12-10");
		topic.assertAllValid();
	}

	@Test
	void illegalTransitionsAreConflictsAndChangeNothing() {
		String allocation = ProjectMother.allocate(this.staff, YEAR, "OTHER", "1000");
		String id = ProjectMother
			.propose(this.staff,
					ProjectMother.funded(YEAR, "INFRASTRUCTURE", ProjectMother.TOWNSHIP, "1000", allocation, "1000"))
			.at("/id");
		String uri = PROJECTS + "/" + id;
		for (String step : List.of("start", "complete", "accept")) {
			TestHttp.Response refused = this.staff.post(uri + "/" + step, Map.of());
			assertThat(refused.status()).as(step).isEqualTo(409);
			assertThat(refused.at("/type")).isEqualTo("/problems/illegal-transition");
		}
		assertThat(report(uri, YEAR + "-05-01", 10, "10").at("/type")).isEqualTo("/problems/project-not-in-progress");
		assertThat(this.staff.post(uri + "/disbursements", disbursement("1", YEAR + "-05-01")).at("/type"))
			.isEqualTo("/problems/project-not-disbursable");
		ProjectMother.approveAndStart(this.staff, id, YEAR);
		TestHttp.Response early = this.staff.post(uri + "/complete", Map.of("completedOn", YEAR + "-05-01"));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.at("/type")).isEqualTo("/problems/progress-incomplete");
		assertThat(this.staff.post(uri + "/approve", ProjectMother.approval(YEAR)).status()).isEqualTo(409);
		TestHttp.Response read = this.staff.get(uri);
		assertThat(read.at("/status")).isEqualTo("IN_PROGRESS");
		assertThat(read.etag()).isEqualTo("\"2\"");
	}

	@Test
	void progressNeverGoesBackAndDisbursementsNeverExceedTheFunding() {
		String allocation = ProjectMother.allocate(this.staff, YEAR, "WITHIN_600", "100000");
		String id = ProjectMother
			.propose(this.staff,
					ProjectMother.funded(YEAR, "INDUSTRY", ProjectMother.TOWNSHIP, "120000", allocation, "100000"))
			.at("/id");
		String uri = PROJECTS + "/" + id;
		ProjectMother.approveAndStart(this.staff, id, YEAR);
		assertThat(report(uri, YEAR + "-06-01", 60, "70000").status()).isEqualTo(201);

		TestHttp.Response lowerPercent = report(uri, YEAR + "-07-01", 59, "80000");
		assertThat(lowerPercent.status()).isEqualTo(409);
		assertThat(lowerPercent.at("/type")).isEqualTo("/problems/progress-decreased");
		assertThat(report(uri, YEAR + "-07-01", 70, "69999.99").at("/type"))
			.isEqualTo("/problems/investment-decreased");
		assertThat(report(uri, YEAR + "-05-31", 70, "80000").status()).isEqualTo(400);
		assertThat(report(uri, YEAR + "-07-01", 101, "80000").status()).isEqualTo(400);
		assertThat(report(uri, YEAR + "-07-01", 70, "120000.01").at("/type"))
			.isEqualTo("/problems/investment-exceeds-budget");

		assertThat(this.staff.post(uri + "/disbursements", disbursement("60000", YEAR + "-06-02")).status())
			.isEqualTo(201);
		TestHttp.Response above = this.staff.post(uri + "/disbursements", disbursement("40000.01", YEAR + "-06-03"));
		assertThat(above.status()).isEqualTo(409);
		assertThat(above.at("/type")).isEqualTo("/problems/disbursement-exceeds-funding");
		Map<String, Object> reused = disbursement("1", YEAR + "-06-03");
		assertThat(this.staff.post(uri + "/disbursements", reused).status()).isEqualTo(201);
		TestHttp.Response sameVoucher = this.staff.post(uri + "/disbursements", reused);
		assertThat(sameVoucher.status()).isEqualTo(409);
		assertThat(sameVoucher.at("/type")).isEqualTo("/problems/duplicate-voucher");

		TestHttp.Response read = this.staff.get(uri);
		assertThat(read.at("/progressPercent")).isEqualTo("60");
		assertThat(read.json().get("investmentCompleted").decimalValue()).isEqualByComparingTo("70000");
		assertThat(read.json().get("disbursed").decimalValue()).isEqualByComparingTo("60001");
		assertThat(this.jdbc.sql("select count(*) from progress_report where project_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void cancellingReleasesTheUnspentFundingToItsAllocations() {
		String allocation = ProjectMother.allocate(this.staff, YEAR, "PROMINENT_ISSUE_PROJECTS", "500000");
		String id = ProjectMother
			.propose(this.staff,
					ProjectMother.funded(YEAR, "INFRASTRUCTURE", ProjectMother.TOWNSHIP, "300000", allocation,
							"300000"))
			.at("/id");
		String uri = PROJECTS + "/" + id;
		ProjectMother.approveAndStart(this.staff, id, YEAR);
		assertThat(this.staff.post(uri + "/disbursements", disbursement("50000", YEAR + "-04-10")).status())
			.isEqualTo(201);
		assertThat(remaining(allocation)).isEqualByComparingTo("200000");

		assertThat(this.staff.post(uri + "/cancel", Map.of("cancelledOn", YEAR + "-05-01")).status())
			.as("a reason is required")
			.isEqualTo(400);
		TestHttp.Response cancelled = this.staff.post(uri + "/cancel",
				Map.of("cancelledOn", YEAR + "-05-01", "reason", "村民代表大会否决"));
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.at("/status")).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("funding").decimalValue()).isEqualByComparingTo("50000");
		assertThat(cancelled.json().at("/fundings/0/released").decimalValue()).isEqualByComparingTo("250000");
		assertThat(remaining(allocation)).isEqualByComparingTo("450000");
		assertThat(this.staff.post(uri + "/start", Map.of()).status()).isEqualTo(409);

		JsonNode event = awaitEvent("ProjectCancelled", id);
		assertThat(event.at("/data/previousStatus").asString()).isEqualTo("IN_PROGRESS");
		assertThat(event.at("/data/releasedTotalFen").asLong()).isEqualTo(25_000_000L);
		assertThat(event.at("/data/released/0/allocationId").asString()).isEqualTo(allocation);
		assertThat(event.at("/data/disbursedTotalFen").asLong()).isEqualTo(5_000_000L);
		topic.assertAllValid();
	}

	@Test
	void fundingAddedLaterIsDrawnAndPublished() {
		String allocation = ProjectMother.allocate(this.staff, YEAR, "HARDSHIP_AID", "1000");
		String later = ProjectMother.allocate(this.staff, YEAR + 3, "HARDSHIP_AID", "1000");
		TestHttp.Response proposed = ProjectMother.propose(this.staff,
				ProjectMother.project(YEAR, "HARDSHIP_AID", ProjectMother.TOWNSHIP, "1500"));
		String uri = PROJECTS + "/" + proposed.at("/id");
		assertThat(this.staff.post(uri + "/approve", ProjectMother.approval(YEAR)).at("/type"))
			.isEqualTo("/problems/project-not-funded");

		TestHttp.Response stale = this.staff.exchange(HttpMethod.POST, uri + "/fundings",
				ProjectMother.funding(allocation, "800"), Map.of("If-Match", "\"7\""));
		assertThat(stale.status()).isEqualTo(412);
		TestHttp.Response funded = this.staff.exchange(HttpMethod.POST, uri + "/fundings",
				ProjectMother.funding(allocation, "800"), Map.of("If-Match", proposed.etag()));
		assertThat(funded.status()).as(funded.toString()).isEqualTo(200);
		assertThat(this.staff.post(uri + "/fundings", ProjectMother.funding(allocation, "200")).status())
			.isEqualTo(200);
		assertThat(this.staff.post(uri + "/fundings", ProjectMother.funding(allocation, "1")).at("/type"))
			.isEqualTo("/problems/allocation-overdrawn");
		assertThat(this.staff.post(uri + "/fundings", ProjectMother.funding(later, "100")).at("/type"))
			.isEqualTo("/problems/allocation-of-later-year");
		TestHttp.Response read = this.staff.get(uri);
		assertThat(read.json().get("fundings")).hasSize(1);
		assertThat(read.json().get("funding").decimalValue()).isEqualByComparingTo("1000");
		assertThat(remaining(allocation)).isEqualByComparingTo("0");
		assertThat(topic.awaitEvents("ProjectFunded", (e) -> e.get("subject").asString().equals(proposed.at("/id")), 2))
			.extracting((e) -> e.at("/data/fundingTotalFen").asLong())
			.containsExactly(80_000L, 100_000L);
	}

	@Test
	void badProposalsAreProblemsAndWriteNothing() {
		String allocation = ProjectMother.allocate(this.staff, YEAR, "OTHER", "1000");
		long projects = count("project");
		long allocated = this.jdbc.sql("select drawn_fen from fund_allocation where id = ?::uuid")
			.param(allocation)
			.query(Long.class)
			.single();
		List<Consumer<Map<String, Object>>> breakages = List.of((b) -> b.put("budget", -5),
				(b) -> b.put("budget", 1.001), (b) -> b.remove("code"), (b) -> b.put("type", "ROAD"),
				(b) -> b.put("townshipCode", "43058210"), (b) -> b.put("townshipCode", "110101001"),
				(b) -> b.put("year", 1990), (b) -> b.put("name", "x".repeat(201)),
				(b) -> b.put("beneficiaryPersons", -1), (b) -> b.put("beneficiaryPersons", 1.5),
				(b) -> b.put("relocatedHouseholds", 3), (b) -> b.put("type", "RISK_RELOCATION"),
				(b) -> b.put("fundings", List.of(ProjectMother.funding(allocation, "1001"))),
				(b) -> b.put("fundings",
						List.of(ProjectMother.funding(allocation, "1"), ProjectMother.funding(allocation, "1"))),
				(b) -> b.put("fundings", List.of(ProjectMother.funding(allocation, "0"))),
				(b) -> b.put("fundings", List.of(Map.of("allocationId", "not-a-uuid", "amount", 1))),
				(b) -> b.put("fundings", List.of(Map.of("amount", 1))),
				(b) -> b.put("code", "'; drop table project;--\n"), (b) -> b.put("extra", true));
		for (Consumer<Map<String, Object>> breakage : breakages) {
			Map<String, Object> body = new LinkedHashMap<>(
					ProjectMother.project(YEAR, "INFRASTRUCTURE", ProjectMother.TOWNSHIP, "1000"));
			breakage.accept(body);
			TestHttp.Response response = this.staff.post(PROJECTS, body);
			assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
			assertThat(response.contentType()).hasToString("application/problem+json");
		}
		Map<String, Object> unknown = ProjectMother.funded(YEAR, "INFRASTRUCTURE", ProjectMother.TOWNSHIP, "1000",
				"00000000-0000-0000-0000-000000000000", "1");
		assertThat(this.staff.post(PROJECTS, unknown).status()).isEqualTo(422);
		Map<String, Object> duplicate = ProjectMother.project(YEAR, "INFRASTRUCTURE", ProjectMother.TOWNSHIP, "1000");
		assertThat(this.staff.post(PROJECTS, duplicate).status()).isEqualTo(201);
		TestHttp.Response again = this.staff.post(PROJECTS, duplicate);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.at("/type")).isEqualTo("/problems/duplicate-project-code");
		assertThat(this.staff.get(PROJECTS + "/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
		assertThat(this.staff.get(PROJECTS + "?status=DONE").status()).isEqualTo(400);
		assertThat(this.staff.get(PROJECTS + "?size=501").status()).isEqualTo(400);
		assertThat(count("project")).isEqualTo(projects + 1);
		assertThat(this.jdbc.sql("select drawn_fen from fund_allocation where id = ?::uuid")
			.param(allocation)
			.query(Long.class)
			.single()).isEqualTo(allocated);
	}

	@Test
	void listsProjectsByYearTypeTownshipAndStatus() {
		int year = 2019;
		ProjectMother.propose(this.staff, ProjectMother.project(year, "INFRASTRUCTURE", ProjectMother.TOWNSHIP, "10"));
		ProjectMother.propose(this.staff, ProjectMother.project(year, "INDUSTRY", ProjectMother.TOWNSHIP, "10"));
		ProjectMother.propose(this.staff, ProjectMother.project(year, "INDUSTRY", ProjectMother.OTHER_TOWNSHIP, "10"));
		assertThat(this.staff.get(PROJECTS + "?year=" + year).at("/total")).isEqualTo("3");
		assertThat(this.staff.get(PROJECTS + "?year=" + year + "&type=INDUSTRY").at("/total")).isEqualTo("2");
		assertThat(this.staff
			.get(PROJECTS + "?year=" + year + "&type=INDUSTRY&townshipCode=" + ProjectMother.OTHER_TOWNSHIP)
			.at("/total")).isEqualTo("1");
		assertThat(this.staff.get(PROJECTS + "?year=" + year + "&status=PROPOSED&size=2").json().get("items"))
			.hasSize(2);
		assertThat(this.staff.get(PROJECTS + "?year=" + year + "&status=APPROVED").at("/total")).isEqualTo("0");
	}

	private TestHttp.Response report(String uri, String on, int percent, String investment) {
		return this.staff.post(uri + "/progress", ProjectMother.progress(LocalDate.parse(on), percent, investment));
	}

	private static Map<String, Object> disbursement(String amount, String paidOn) {
		return Map.of("amount", new BigDecimal(amount), "paidOn", paidOn, "voucherNo", ProjectMother.unique("记"));
	}

	private BigDecimal remaining(String allocation) {
		return this.staff.get(ProjectMother.ALLOCATIONS + "/" + allocation).json().get("remaining").decimalValue();
	}

	private JsonNode awaitEvent(String name, String subject) {
		return topic.awaitEvent(name, (e) -> e.get("subject").asString().equals(subject));
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
