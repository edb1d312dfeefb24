package cn.resettlement.subsidy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.subsidy.Fixtures.BankLine;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;

import static cn.resettlement.subsidy.Fixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is a 4xx problem and a rejected request changes nothing. */
@IntegrationTest
class BadInputIntegrationTests {

	private static String exportedBatch;

	private static List<BankLine> lines;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	Fixtures fixtures;

	TestHttp staff;

	@BeforeAll
	static void anExportedBatch(@Autowired RestTestClient client) {
		Fixtures.register(Fixtures.TOWNSHIP);
		Fixtures fixtures = new Fixtures(client);
		fixtures.policy(2018, "ANNUAL");
		exportedBatch = fixtures.generate(2018, "2018").at("/id");
		fixtures.approve(exportedBatch);
		lines = fixtures.bankFile(exportedBatch);
	}

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client);
		this.staff = this.fixtures.staff();
	}

	@Test
	void refusesBadBatchRequestsAndWritesNothing() {
		long before = writes();
		expect(400, "period", this.staff.post(BASE + "/batches", Map.of("year", 2018, "period", "2018-Q5")));
		expect(400, "period", this.staff.post(BASE + "/batches", Map.of("year", 2018, "period", "2017")));
		expect(400, "asOf",
				this.staff.post(BASE + "/batches", Map.of("year", 2018, "period", "2018", "asOf", "2018-02-01")));
		expect(400, "year", this.staff.post(BASE + "/batches", Map.of("year", 1999, "period", "1999")));
		expect(400, "year", this.staff.post(BASE + "/batches", "{\"year\":\"2018\",\"period\":\"2018\"}"));
		expect(400, "year", this.staff.post(BASE + "/batches", "{\"year\":2018.5,\"period\":\"2018\"}"));
		expect(400, "period", this.staff.post(BASE + "/batches", Map.of("year", 2018)));
		expect(400, "frequency",
				this.staff.post(BASE + "/batches", Map.of("year", 2018, "period", "2018", "frequency", "ANNUAL")));
		expect(400, null, this.staff.post(BASE + "/batches", "{\"year\":2018,"));
		expect(400, "period", this.staff.post(BASE + "/batches",
				Map.of("year", 2018, "period", "2018'; drop table subsidy_line; --")));
		TestHttp.Response noPolicy = this.staff.post(BASE + "/batches", Map.of("year", 2031, "period", "2031"));
		assertThat(noPolicy.status()).isEqualTo(422);
		assertThat(noPolicy.at("/type")).isEqualTo("/problems/no-policy");
		TestHttp.Response wrongFrequency = this.staff.post(BASE + "/batches",
				Map.of("year", 2018, "period", "2018-Q1"));
		assertThat(wrongFrequency.status()).isEqualTo(422);
		assertThat(wrongFrequency.at("/type")).isEqualTo("/problems/period-not-in-policy");
		assertThat(this.staff.get(BASE + "/batches/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(this.staff.get(BASE + "/batches/not-a-uuid").status()).isEqualTo(400);
		assertThat(this.staff.get(BASE + "/batches?status=SOMEWHERE").status()).isEqualTo(400);
		assertThat(this.staff.get(BASE + "/batches?size=501").status()).isEqualTo(400);
		assertThat(writes()).isEqualTo(before);
	}

	@Test
	void refusesBadPolicies() {
		long before = writes();
		expect(400, "annualAmount", this.staff.put(BASE + "/policies/2030", Map.of("annualAmount", -600)));
		expect(400, "annualAmount", this.staff.put(BASE + "/policies/2030", Map.of("annualAmount", 600.001)));
		expect(400, "annualAmount", this.staff.put(BASE + "/policies/2030", Map.of("annualAmount", 0)));
		expect(400, "frequency", this.staff.put(BASE + "/policies/2030", Map.of("frequency", "MONTHLY")));
		expect(400, "year", this.staff.put(BASE + "/policies/1800", Map.of("annualAmount", 600)));
		assertThat(this.staff.put(BASE + "/policies/abc", Map.of("annualAmount", 600)).status()).isEqualTo(400);
		assertThat(this.staff.get(BASE + "/policies/2030").status()).isEqualTo(404);
		TestHttp.Response withoutVersion = this.staff.put(BASE + "/policies/2018", Map.of("annualAmount", 700));
		assertThat(withoutVersion.status()).isEqualTo(428);
		String etag = this.staff.get(BASE + "/policies/2018").etag();
		TestHttp.Response inUse = this.staff.exchange(org.springframework.http.HttpMethod.PUT, BASE + "/policies/2018",
				Map.of("annualAmount", 700), Map.of("If-Match", etag));
		assertThat(inUse.status()).isEqualTo(409);
		assertThat(inUse.at("/type")).isEqualTo("/problems/policy-in-use");
		assertThat(writes()).isEqualTo(before);
	}

	@Test
	void refusesBadResultsAndRecordsNoneOfThem() {
		long before = writes();
		BankLine line = lines.get(0);
		String results = BASE + "/batches/" + exportedBatch + "/results";
		expect(400, "results[0].paidOn", this.staff.post(results,
				Map.of("results", List.of(Map.of("lineRef", line.lineRef(), "status", "PAID")))));
		expect(400, "results[0].failureReason", this.staff.post(results,
				Map.of("results", List.of(Map.of("lineRef", line.lineRef(), "status", "FAILED")))));
		expect(400, "status", this.staff.post(results,
				Map.of("results", List.of(Map.of("lineRef", line.lineRef(), "status", "DONE")))));
		expect(400, "results[0].paidOn", this.staff.post(results, Map.of("results",
				List.of(Map.of("lineRef", line.lineRef(), "status", "PAID", "paidOn", "2099-01-01")))));
		expect(400, "results[1].idNumber", this.staff.post(results, Map.of("results", List.of(
				Map.of("lineRef", line.lineRef(), "status", "PAID", "paidOn", Fixtures.today().toString()),
				Map.of("idNumber", "430582199001011230", "status", "PAID", "paidOn", Fixtures.today().toString())))));
		expect(400, "results", this.staff.post(results, Map.of("results", List.of())));
		expect(400, "file", this.staff.upload(results, "empty.csv", new byte[0]));
		TestHttp.Response notAHeader = this.staff.upload(results, "bad.csv",
				"hello,world\n1,2\n".getBytes(StandardCharsets.UTF_8));
		assertThat(notAHeader.status()).isEqualTo(202);
		assertThat(this.fixtures.awaitJob(notAHeader.headers().getLocation().getPath()).at("/status").asString())
			.isEqualTo("FAILED");
		assertThat(this.jdbc.sql("select count(*) from subsidy_line where batch_id = ?::uuid and status <> 'PENDING'")
			.param(exportedBatch)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.staff.get(BASE + "/batches/" + exportedBatch + "/bank-file?format=pdf").status())
			.isEqualTo(400);
		assertThat(writes()).isEqualTo(before);
	}

	@Test
	void refusesBadRecoveriesAndReconciliations() {
		long before = writes();
		String recoveries = BASE + "/overpayments/" + UUID.randomUUID() + "/recoveries";
		expect(400, "amount",
				this.staff.post(recoveries, Map.of("amount", 1.005, "recoveredOn", Fixtures.today().toString())));
		expect(400, "recoveredOn", this.staff.post(recoveries, Map.of("amount", 10)));
		assertThat(
				this.staff.post(recoveries, Map.of("amount", 10, "recoveredOn", Fixtures.today().toString())).status())
			.isEqualTo(404);
		assertThat(this.staff.post(BASE + "/reconciliations", Map.of("file", "x")).status()).isEqualTo(415);
		expect(400, "file", this.staff.upload(BASE + "/reconciliations", "empty.csv", new byte[0]));
		TestHttp.Response noIdColumn = this.staff.upload(BASE + "/reconciliations", "payees.csv",
				"姓名,账号\n李明,6217\n".getBytes(StandardCharsets.UTF_8));
		expect(400, "file", noIdColumn);
		assertThat(writes()).isEqualTo(before);
	}

	private static void expect(int status, String field, TestHttp.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType().toString()).startsWith("application/problem+json");
		if (field != null) {
			assertThat(response.body()).as(response.toString()).contains("\"" + field);
		}
	}

	/**
	 * Rows written by business changes: batches, lines changed, claims, outbox events.
	 */
	private long writes() {
		return this.jdbc.sql("""
				select (select count(*) from disbursement_batch) + (select count(*) from subsidy_line)
				     + (select coalesce(sum(version), 0) from subsidy_line) + (select count(*) from overpayment_claim)
				     + (select count(*) from outbox_event) + (select count(*) from reconciliation)
				     + (select coalesce(sum(version), 0) from subsidy_policy)""").query(Long.class).single();
	}

}
