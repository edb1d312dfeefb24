package cn.resettlement.project.project;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.platform.security.Role;
import cn.resettlement.project.ProjectMother;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static cn.resettlement.project.ProjectMother.OTHER_TOWNSHIP;
import static cn.resettlement.project.ProjectMother.PROJECTS;
import static cn.resettlement.project.ProjectMother.TOWNSHIP;
import static cn.resettlement.project.ProjectMother.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

/** Township officers work on their own township; auditors only read. */
@IntegrationTest
class ProjectAccessIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	TestHttp staff;

	TestHttp officer;

	TestHttp auditor;

	@BeforeEach
	void setUp() {
		this.staff = new TestHttp(this.client).as(TestTokens.staff("wang"));
		this.officer = new TestHttp(this.client).as(TestTokens.officer("zhou", TOWNSHIP));
		this.auditor = new TestHttp(this.client).as(TestTokens.auditor("audrey"));
	}

	@Test
	void townshipOfficersProposeAndImplementTheirOwnTownshipsProjects() {
		TestHttp.Response proposed = this.officer.post(PROJECTS,
				ProjectMother.project(YEAR, "INFRASTRUCTURE", TOWNSHIP, "50000"));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		String id = proposed.at("/id");
		String uri = PROJECTS + "/" + id;
		assertThat(this.jdbc.sql("select created_by from project where id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("zhou");

		String allocation = ProjectMother.allocate(this.staff, YEAR, "OTHER", "50000");
		assertThat(this.officer.post(uri + "/fundings", ProjectMother.funding(allocation, "50000")).status())
			.isEqualTo(403);
		assertThat(this.staff.post(uri + "/fundings", ProjectMother.funding(allocation, "50000")).status())
			.isEqualTo(200);
		assertThat(this.officer.post(uri + "/approve", ProjectMother.approval(YEAR)).status()).isEqualTo(403);
		assertThat(this.staff.post(uri + "/approve", ProjectMother.approval(YEAR)).status()).isEqualTo(200);
		assertThat(this.officer.post(uri + "/start", Map.of("startedOn", YEAR + "-04-01")).status()).isEqualTo(200);
		assertThat(this.officer.post(uri + "/progress", ProjectMother.progress(LocalDate.of(YEAR, 5, 1), 20, "10000"))
			.status()).isEqualTo(201);
		assertThat(this.officer
			.post(uri + "/disbursements",
					Map.of("amount", new BigDecimal("1"), "paidOn", YEAR + "-05-01", "voucherNo", "V-1"))
			.status()).isEqualTo(403);
		assertThat(this.officer.post(uri + "/cancel", Map.of("reason", "x")).status()).isEqualTo(403);
		assertThat(this.officer.get(uri).at("/status")).isEqualTo("IN_PROGRESS");
	}

	@Test
	void townshipOfficersNeitherSeeNorChangeOtherTownships() {
		String allocation = ProjectMother.allocate(this.staff, YEAR, "OTHER", "1000");
		String other = ProjectMother
			.propose(this.staff,
					ProjectMother.funded(YEAR, "INFRASTRUCTURE", OTHER_TOWNSHIP, "1000", allocation, "1000"))
			.at("/id");
		long projects = count();

		assertThat(this.officer.post(PROJECTS, ProjectMother.project(YEAR, "INFRASTRUCTURE", OTHER_TOWNSHIP, "10"))
			.status()).isEqualTo(403);
		TestHttp.Response withFunds = this.officer.post(PROJECTS,
				ProjectMother.funded(YEAR, "INFRASTRUCTURE", TOWNSHIP, "10", allocation, "10"));
		assertThat(withFunds.status()).isEqualTo(403);
		assertThat(withFunds.contentType()).hasToString("application/problem+json");
		assertThat(this.officer.get(PROJECTS + "/" + other).status()).isEqualTo(403);
		assertThat(this.officer.get(PROJECTS + "/" + other + "/progress").status()).isEqualTo(403);
		assertThat(this.officer.post(PROJECTS + "/" + other + "/start", Map.of()).status()).isEqualTo(403);
		assertThat(this.officer.get(PROJECTS + "?townshipCode=" + OTHER_TOWNSHIP).status()).isEqualTo(403);
		TestHttp.Response own = this.officer.get(PROJECTS + "?size=500");
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().get("items"))
			.allSatisfy((p) -> assertThat(p.get("townshipCode").asString()).isEqualTo(TOWNSHIP));
		assertThat(this.officer.get("/api/v1/projects/summaries/" + YEAR).status()).isEqualTo(403);
		assertThat(count()).isEqualTo(projects);
	}

	@Test
	void auditorsReadEverythingAndChangeNothing() {
		String allocation = ProjectMother.allocate(this.staff, YEAR, "OTHER", "1000");
		String id = ProjectMother
			.propose(this.staff,
					ProjectMother.funded(YEAR, "INFRASTRUCTURE", OTHER_TOWNSHIP, "1000", allocation, "1000"))
			.at("/id");
		String uri = PROJECTS + "/" + id;
		long projects = count();

		assertThat(this.auditor.get(uri).status()).isEqualTo(200);
		assertThat(this.auditor.get(PROJECTS + "?year=" + YEAR).status()).isEqualTo(200);
		assertThat(this.auditor.get(uri + "/disbursements").status()).isEqualTo(200);
		assertThat(this.auditor.get("/api/v1/projects/summaries/" + YEAR).status()).isEqualTo(200);
		assertThat(this.auditor.get("/api/v1/projects/asset-ledgers").status()).isEqualTo(200);
		for (String path : new String[] { "", "/" + id + "/approve", "/" + id + "/start", "/" + id + "/progress",
				"/" + id + "/disbursements", "/" + id + "/cancel", "/" + id + "/fundings", "/asset-incomes",
				"/dividends", "/fund-allocations" }) {
			TestHttp.Response refused = this.auditor.post(PROJECTS + path, Map.of());
			assertThat(refused.status()).as(path).isEqualTo(403);
		}
		assertThat(this.auditor.upload(PROJECTS + "/imports/projects", "p.csv", "code\n".getBytes()).status())
			.isEqualTo(403);
		assertThat(this.staff.get(uri).at("/status")).isEqualTo("PROPOSED");
		assertThat(count()).isEqualTo(projects);
	}

	@Test
	void everyRouteNeedsAValidToken() {
		TestHttp anonymous = new TestHttp(this.client);
		assertThat(anonymous.get(PROJECTS).status()).isEqualTo(401);
		assertThat(anonymous.post(PROJECTS, ProjectMother.project(YEAR, "OTHER", TOWNSHIP, "1")).status())
			.isEqualTo(401);
		TestHttp expired = new TestHttp(this.client)
			.as(TestTokens.builder("x", null, Role.STAFF).expiredAgo(Duration.ofMinutes(5)).sign());
		assertThat(expired.get(PROJECTS).status()).isEqualTo(401);
	}

	@Test
	void publishesItsOpenApiDocumentWithTheContractsPaths() {
		TestHttp.Response document = new TestHttp(this.client).get("/v3/api-docs");
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.json().get("paths").propertyStream().map(Map.Entry::getKey)).contains("/api/v1/projects",
				"/api/v1/projects/fund-allocations", "/api/v1/projects/{id}/approve", "/api/v1/projects/{id}/progress",
				"/api/v1/projects/{id}/disbursements", "/api/v1/projects/asset-incomes", "/api/v1/projects/dividends",
				"/api/v1/projects/summaries/{year}");
	}

	private long count() {
		return this.jdbc.sql("select count(*) from project").query(Long.class).single();
	}

}
