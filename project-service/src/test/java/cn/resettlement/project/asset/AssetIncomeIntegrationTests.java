package cn.resettlement.project.asset;

import java.util.Map;

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
class AssetIncomeIntegrationTests {

	private static final String INCOMES = "/api/v1/projects/asset-incomes";

	private static final String DIVIDENDS = "/api/v1/projects/dividends";

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
		this.staff = new TestHttp(this.client).as(TestTokens.staff("zhao"));
	}

	@Test
	void recordsTheParksRentAndPaysDividendsFromIt() {
		String park = ProjectMother.unique("移民产业创业园");
		TestHttp.Response rent = this.staff.post(INCOMES,
				Map.of("asset", park, "year", 2021, "amount", 300000, "receivedOn", "2021-06-30"));
		assertThat(rent.status()).as(rent.toString()).isEqualTo(201);
		assertThat(this.staff
			.post(INCOMES, Map.of("asset", park, "year", 2021, "amount", 200000, "receivedOn", "2021-12-20"))
			.status()).isEqualTo(201);
		TestHttp.Response dividend = this.staff.post(DIVIDENDS,
				Map.of("asset", park, "year", 2021, "amount", 450000, "paidOn", "2022-01-15", "recipients", 320));
		assertThat(dividend.status()).as(dividend.toString()).isEqualTo(201);

		TestHttp.Response tooMuch = this.staff.post(DIVIDENDS,
				Map.of("asset", park, "year", 2021, "amount", 50000.01, "paidOn", "2022-01-16", "recipients", 1));
		assertThat(tooMuch.status()).isEqualTo(409);
		assertThat(tooMuch.at("/type")).isEqualTo("/problems/dividends-exceed-income");
		TestHttp.Response otherYear = this.staff.post(DIVIDENDS,
				Map.of("asset", park, "year", 2020, "amount", 1, "paidOn", "2022-01-16", "recipients", 1));
		assertThat(otherYear.status()).as("no income of 2020").isEqualTo(409);

		JsonNode ledger = this.staff.get("/api/v1/projects/asset-ledgers?year=2021")
			.json()
			.valueStream()
			.filter((l) -> l.get("asset").asString().equals(park))
			.findFirst()
			.orElseThrow();
		assertThat(ledger.get("income").decimalValue()).isEqualByComparingTo("500000");
		assertThat(ledger.get("undistributed").decimalValue()).isEqualByComparingTo("50000");
		assertThat(this.staff.get(INCOMES + "?asset=" + park).at("/total")).isEqualTo("2");
		assertThat(this.staff.get(DIVIDENDS + "?asset=" + park + "&year=2021").at("/items/0/recipients"))
			.isEqualTo("320");

		String assetId = rent.at("/assetId");
		JsonNode income = topic.awaitEvent("AssetIncomeRecorded", (e) -> e.at("/data/asset").asString().equals(park)
				&& e.at("/data/incomeTotalFen").asLong() > 30_000_000L);
		assertThat(income.get("subject").asString()).isEqualTo(assetId);
		assertThat(income.at("/data/receivedOn").asString()).isEqualTo("2021-12-20");
		assertThat(income.at("/data/incomeTotalFen").asLong()).isEqualTo(50_000_000L);
		JsonNode paid = topic.awaitEvent("DividendPaid", (e) -> e.at("/data/asset").asString().equals(park));
		assertThat(paid.at("/data/amountFen").asLong()).isEqualTo(45_000_000L);
		assertThat(paid.at("/data/paidOn").asString()).isEqualTo("2022-01-15");
		assertThat(paid.at("/data/recipients").asInt()).isEqualTo(320);
		assertThat(paid.at("/data/year").asInt()).isEqualTo(2021);
		topic.assertAllValid();
	}

	@Test
	void badInputIsAProblemAndWritesNothing() {
		long before = this.jdbc.sql("select count(*) from asset_income").query(Long.class).single();
		for (Map<String, Object> body : new Map[] {
				Map.of("asset", "园", "year", 2021, "amount", -1, "receivedOn", "2021-06-30"),
				Map.of("asset", "园", "year", 2021, "amount", 1.234, "receivedOn", "2021-06-30"),
				Map.of("asset", " ", "year", 2021, "amount", 1, "receivedOn", "2021-06-30"),
				Map.of("asset", "园", "year", 2021, "amount", 1, "receivedOn", "2099-06-30"),
				Map.of("asset", "园", "year", "2021", "amount", 1, "receivedOn", "2021-06-30"),
				Map.of("asset", "园", "year", 2021, "amount", 1) }) {
			TestHttp.Response response = this.staff.post(INCOMES, body);
			assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
		}
		assertThat(this.staff
			.post(DIVIDENDS, Map.of("asset", "园", "year", 2021, "amount", 1, "paidOn", "2022-01-01", "recipients", 0))
			.status()).isEqualTo(400);
		assertThat(this.jdbc.sql("select count(*) from asset_income").query(Long.class).single()).isEqualTo(before);
	}

}
