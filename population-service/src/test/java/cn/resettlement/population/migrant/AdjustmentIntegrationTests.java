package cn.resettlement.population.migrant;

import java.time.LocalDate;

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
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;

import static cn.resettlement.population.PopulationMother.adjustment;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AdjustmentIntegrationTests {

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
	void aDeathRemovesTheMigrantKeepsTheHistoryAndPublishesTheAdjustment() {
		String id = PopulationMother.registerMigrant(this.staff, PopulationMother.TOWNSHIP, LocalDate.of(2001, 5, 1))
			.at("/id");
		TestHttp.Response death = this.staff.post("/api/v1/population/migrants/" + id + "/adjustments",
				adjustment("DEATH", "2024-03-01", "2024-09-10"));
		assertThat(death.status()).as(death.toString()).isEqualTo(201);
		assertThat(death.at("/previousStatus")).isEqualTo("ACTIVE");
		assertThat(death.at("/newStatus")).isEqualTo("REMOVED");
		assertThat(this.staff.get("/api/v1/population/migrants/" + id).at("/status")).isEqualTo("REMOVED");

		TestHttp.Response reinstated = this.staff.post("/api/v1/population/migrants/" + id + "/adjustments",
				adjustment("REINSTATED", "2024-04-01", "2024-10-01"));
		assertThat(reinstated.status()).isEqualTo(201);
		JsonNode history = this.staff.get("/api/v1/population/migrants/" + id + "/adjustments").json();
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("type").asString()).isEqualTo("DEATH");
		assertThat(history.get(1).get("type").asString()).isEqualTo("REINSTATED");

		JsonNode event = topic.awaitEvent("MigrantAdjusted",
				(e) -> e.get("subject").asString().equals(id) && e.at("/data/type").asString().equals("DEATH"));
		assertThat(event.at("/data/effectiveDate").asString()).isEqualTo("2024-03-01");
		assertThat(event.at("/data/decidedOn").asString()).isEqualTo("2024-09-10");
		assertThat(event.at("/data/newStatus").asString()).isEqualTo("REMOVED");
		assertThat(event.at("/data").has("reason")).as("free-text reasons stay internal").isFalse();
		topic.assertAllValid();
	}

	@Test
	void refusesIllegalTransitionsWithConflictAndChangesNothing() {
		String id = PopulationMother.registerMigrant(this.staff, PopulationMother.TOWNSHIP, LocalDate.of(2001, 5, 1))
			.at("/id");
		String uri = "/api/v1/population/migrants/" + id + "/adjustments";
		assertThat(this.staff.post(uri, adjustment("REINSTATED", "2024-01-01", "2024-01-05")).status()).isEqualTo(409);
		assertThat(this.staff.post(uri, adjustment("MOVED_OUT", "2024-05-01", "2024-05-03")).status()).isEqualTo(201);
		TestHttp.Response twice = this.staff.post(uri, adjustment("DEATH", "2024-06-01", "2024-06-03"));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.at("/type")).isEqualTo("/problems/illegal-adjustment");
		TestHttp.Response earlier = this.staff.post(uri, adjustment("REINSTATED", "2024-04-01", "2024-06-03"));
		assertThat(earlier.status()).isEqualTo(409);
		assertThat(earlier.at("/type")).isEqualTo("/problems/adjustment-out-of-order");
		assertThat(this.jdbc.sql("select count(*) from adjustment where migrant_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aLateRegistrationCountsFromItsEffectiveDate() {
		String id = PopulationMother.registerMigrant(this.staff, PopulationMother.TOWNSHIP, LocalDate.of(2001, 5, 1))
			.at("/id");
		TestHttp.Response addition = this.staff.post("/api/v1/population/migrants/" + id + "/adjustments",
				adjustment("ADDITION", "2024-07-01", "2024-06-20"));
		assertThat(addition.status()).isEqualTo(201);
		assertThat(this.staff.get("/api/v1/population/migrants/" + id).at("/activeFrom")).isEqualTo("2024-07-01");
		assertThat(this.staff
			.post("/api/v1/population/migrants/" + id + "/adjustments",
					adjustment("ADDITION", "2024-08-01", "2024-08-01"))
			.status()).as("a second late registration").isEqualTo(409);
	}

	@Test
	void refusesFutureDates() {
		String id = PopulationMother.registerMigrant(this.staff, PopulationMother.TOWNSHIP, LocalDate.of(2001, 5, 1))
			.at("/id");
		TestHttp.Response response = this.staff.post("/api/v1/population/migrants/" + id + "/adjustments",
				adjustment("DEATH", LocalDate.now().plusDays(3).toString(), "2024-01-01"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.at("/errors/0/field")).isEqualTo("effectiveDate");
	}

	@Test
	void townshipOfficersAdjustOnlyTheirOwnTownship() {
		String own = PopulationMother.registerMigrant(this.staff, PopulationMother.TOWNSHIP, LocalDate.of(2001, 5, 1))
			.at("/id");
		String other = PopulationMother
			.registerMigrant(this.staff, PopulationMother.OTHER_TOWNSHIP, LocalDate.of(2001, 5, 1))
			.at("/id");
		TestHttp officer = new TestHttp(this.client).as(TestTokens.officer("zhang", PopulationMother.TOWNSHIP));
		assertThat(officer
			.post("/api/v1/population/migrants/" + own + "/adjustments",
					adjustment("MOVED_OUT", "2024-02-01", "2024-02-02"))
			.status()).isEqualTo(201);
		assertThat(officer
			.post("/api/v1/population/migrants/" + other + "/adjustments",
					adjustment("MOVED_OUT", "2024-02-01", "2024-02-02"))
			.status()).isEqualTo(403);
		assertThat(officer.get("/api/v1/population/migrants/" + other).status()).isEqualTo(403);
		assertThat(officer.get("/api/v1/population/migrants?townshipCode=" + PopulationMother.OTHER_TOWNSHIP).status())
			.isEqualTo(403);
		JsonNode list = officer.get("/api/v1/population/migrants?size=500").json();
		assertThat(list.get("items"))
			.allSatisfy((m) -> assertThat(m.get("townshipCode").asString()).isEqualTo(PopulationMother.TOWNSHIP));
		assertThat(this.staff.get("/api/v1/population/migrants/" + other).at("/status")).isEqualTo("ACTIVE");
	}

}
