package cn.resettlement.population.migrant;

import java.time.LocalDate;
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

import cn.resettlement.population.PopulationMother;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MigrantRegistrationIntegrationTests {

	private static TopicRecorder topic;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	TestHttp staff;

	@BeforeAll
	static void recordTopic(@Autowired KafkaConnectionDetails kafka) {
		topic = TopicRecorder.record(String.join(",", kafka.getBootstrapServers()), "resettlement.population.v1");
	}

	@AfterAll
	static void stopRecording() {
		topic.close();
	}

	@BeforeEach
	void setUp() {
		this.staff = new TestHttp(this.client).as(TestTokens.staff("alice"));
	}

	@Test
	void registersAHouseholdAndAMigrantAndPublishesTheirEvents() {
		String household = PopulationMother.registerHousehold(this.staff, PopulationMother.TOWNSHIP,
				LocalDate.of(2001, 5, 1));
		String idNumber = TestIdNumbers.of("430582", LocalDate.of(1980, 3, 15), 123);
		TestHttp.Response created = this.staff.post("/api/v1/population/migrants",
				PopulationMother.migrant(household, idNumber));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.headers().getLocation()).hasPath("/api/v1/population/migrants/" + created.at("/id"));
		assertThat(created.etag()).isEqualTo("\"0\"");
		JsonNode migrant = created.json();
		assertThat(migrant.get("idNumber").asString()).isEqualTo(idNumber);
		assertThat(migrant.get("sex").asString()).isEqualTo("MALE");
		assertThat(migrant.get("birthDate").asString()).isEqualTo("1980-03-15");
		assertThat(migrant.get("category").asString()).isEqualTo("ORIGINAL");
		assertThat(migrant.get("supportStart").asString()).isEqualTo("2006-07-01");
		assertThat(migrant.get("supportEnd").asString()).isEqualTo("2026-06-30");
		assertThat(migrant.get("status").asString()).isEqualTo("ACTIVE");

		assertThat(this.jdbc.sql("select created_by from migrant where id_number = ?")
			.param(idNumber)
			.query(String.class)
			.single()).isEqualTo("alice");
		JsonNode event = topic.awaitEvent("MigrantRegistered",
				(e) -> e.at("/data/idNumber").asString().equals(idNumber));
		assertThat(event.get("type").asString()).isEqualTo("resettlement.population.MigrantRegistered.v1");
		assertThat(event.get("subject").asString()).isEqualTo(created.at("/id"));
		assertThat(event.get("source").asString()).isEqualTo("/resettlement/430582/population-service");
		assertThat(event.at("/data/householdId").asString()).isEqualTo(household);
		assertThat(event.at("/data").has("cardAccount")).as("card accounts do not travel").isFalse();
		topic.awaitEvent("HouseholdRegistered", (e) -> e.get("subject").asString().equals(household));
		topic.assertAllValid();
	}

	@Test
	void newMigrantsGetTwentyYearsFromTheMonthOfRelocation() {
		TestHttp.Response migrant = PopulationMother.registerMigrant(this.staff, PopulationMother.TOWNSHIP,
				LocalDate.of(2010, 5, 17));
		assertThat(migrant.at("/category")).isEqualTo("NEW");
		assertThat(migrant.at("/supportStart")).isEqualTo("2010-05-01");
		assertThat(migrant.at("/supportEnd")).isEqualTo("2030-04-30");
	}

	@Test
	void rejectsADuplicateIdNumberWithConflict() {
		String household = PopulationMother.registerHousehold(this.staff, PopulationMother.TOWNSHIP,
				LocalDate.of(2001, 5, 1));
		String idNumber = TestIdNumbers.unique();
		assertThat(
				this.staff.post("/api/v1/population/migrants", PopulationMother.migrant(household, idNumber)).status())
			.isEqualTo(201);
		TestHttp.Response duplicate = this.staff.post("/api/v1/population/migrants",
				PopulationMother.migrant(household, idNumber));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.at("/type")).isEqualTo("/problems/duplicate-id-number");
		assertThat(this.jdbc.sql("select count(*) from migrant where id_number = ?")
			.param(idNumber)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void replaysTheFirstResponseForARepeatedIdempotencyKey() {
		String household = PopulationMother.registerHousehold(this.staff, PopulationMother.TOWNSHIP,
				LocalDate.of(2001, 5, 1));
		Map<String, Object> body = PopulationMother.migrant(household, TestIdNumbers.unique());
		Map<String, String> key = Map.of("Idempotency-Key", "register-" + System.nanoTime());
		TestHttp.Response first = this.staff.post("/api/v1/population/migrants", body, key);
		TestHttp.Response second = this.staff.post("/api/v1/population/migrants", body, key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.at("/id")).isEqualTo(first.at("/id"));
		assertThat(second.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");

		body.put("name", "王芳");
		TestHttp.Response reused = this.staff.post("/api/v1/population/migrants", body, key);
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.at("/type")).isEqualTo("/problems/idempotency-key-reused");
	}

	@Test
	void listsAreMaskedAndSingleReadsAreNot() {
		TestHttp.Response migrant = PopulationMother.registerMigrant(this.staff, PopulationMother.TOWNSHIP,
				LocalDate.of(2001, 5, 1));
		String idNumber = migrant.at("/idNumber");
		TestHttp.Response list = this.staff.get("/api/v1/population/migrants?q=" + idNumber);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.at("/total")).isEqualTo("1");
		assertThat(list.at("/items/0/idNumber"))
			.isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
		assertThat(list.at("/items/0/cardAccount")).isEqualTo("************5678");
		assertThat(this.staff.get("/api/v1/population/migrants/" + migrant.at("/id")).at("/idNumber"))
			.isEqualTo(idNumber);

		TestHttp auditor = new TestHttp(this.client).as(TestTokens.auditor("audrey"));
		assertThat(auditor.get("/api/v1/population/migrants/" + migrant.at("/id")).at("/idNumber"))
			.isEqualTo(list.at("/items/0/idNumber"));
	}

	@Test
	void correctsAMigrantWithIfMatchAndRefusesAStaleVersion() {
		TestHttp.Response migrant = PopulationMother.registerMigrant(this.staff, PopulationMother.TOWNSHIP,
				LocalDate.of(2001, 5, 1));
		String uri = "/api/v1/population/migrants/" + migrant.at("/id");

		assertThat(this.staff.patch(uri, Map.of("cardAccount", "6217000099998888"), null).status()).isEqualTo(428);
		TestHttp.Response corrected = this.staff.patch(uri, Map.of("cardAccount", "6217000099998888"), migrant.etag());
		assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
		assertThat(corrected.etag()).isEqualTo("\"1\"");
		assertThat(corrected.at("/cardAccount")).isEqualTo("6217000099998888");

		TestHttp.Response stale = this.staff.patch(uri, Map.of("name", "李明明"), migrant.etag());
		assertThat(stale.status()).isEqualTo(412);
		assertThat(this.staff.get(uri).at("/name")).isEqualTo("李明");

		JsonNode event = topic.awaitEvent("MigrantCorrected",
				(e) -> e.get("subject").asString().equals(migrant.at("/id")));
		assertThat(event.at("/data/changedFields/0").asString()).isEqualTo("cardAccount");
		assertThat(event.at("/data").has("cardAccount")).isFalse();
	}

	@Test
	void anAuditorCannotRegister() {
		TestHttp auditor = new TestHttp(this.client).as(TestTokens.auditor("audrey"));
		TestHttp.Response response = auditor.post("/api/v1/population/households",
				PopulationMother.household(PopulationMother.TOWNSHIP, LocalDate.of(2001, 5, 1)));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).hasToString("application/problem+json");
	}

}
