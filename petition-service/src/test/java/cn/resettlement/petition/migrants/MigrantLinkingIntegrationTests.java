package cn.resettlement.petition.migrants;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.contracts.EventSchemas;
import cn.resettlement.petition.PetitionMother;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Petitioners are linked to registered migrants from population-service's events, never
 * by a call: population publishes here as an outside producer would.
 */
@IntegrationTest
class MigrantLinkingIntegrationTests {

	static final String TOWNSHIP = "430582140";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static KafkaProducer<String, String> population;

	private static TopicRecorder topic;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	TestHttp staff;

	LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@BeforeAll
	static void connect(@Autowired KafkaConnectionDetails kafka) {
		String servers = String.join(",", kafka.getBootstrapServers());
		population = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
				new StringSerializer(), new StringSerializer());
		topic = TopicRecorder.record(servers, "resettlement.petition.v1");
	}

	@AfterAll
	static void disconnect() {
		population.close(Duration.ofSeconds(5));
		topic.close();
	}

	@BeforeEach
	void setUp() {
		this.staff = new TestHttp(this.client).as(TestTokens.staff("alice"));
	}

	@Test
	void aPetitionerWhoIsARegisteredMigrantIsLinkedAtRegistration() {
		String idNumber = TestIdNumbers.unique();
		UUID migrant = UUID.randomUUID();
		publish(migrantRegistered(migrant, idNumber));
		await().atMost(Duration.ofSeconds(30)).until(() -> known(idNumber));

		TestHttp.Response petition = PetitionMother.register(this.staff,
				PetitionMother.withPetitioners(PetitionMother.petition(this.today, 2, TOWNSHIP),
						PetitionMother.petitioner("李明", idNumber), PetitionMother.petitioner("王芳", null)));
		assertThat(petition.at("/petitioners/0/migrantId")).isEqualTo(migrant.toString());
		assertThat(petition.json().at("/petitioners/1/migrantId").isNull()).isTrue();
		String id = petition.at("/id");
		assertThat(topic.awaitEvent("PetitionRegistered", (e) -> e.get("subject").asString().equals(id)).toString())
			.as("the link stays in the service")
			.doesNotContain(migrant.toString())
			.doesNotContain(idNumber);
		topic.assertAllValid();
	}

	@Test
	void aPetitionerIsLinkedWhenPopulationRegistersTheMigrantLater() {
		String idNumber = TestIdNumbers.unique();
		String id = PetitionMother
			.register(this.staff, PetitionMother.withPetitioners(PetitionMother.petition(this.today, 1, TOWNSHIP),
					PetitionMother.petitioner("张三", idNumber)))
			.at("/id");
		assertThat(this.staff.get(PetitionMother.BASE + "/" + id).json().at("/petitioners/0/migrantId").isNull())
			.as("not known yet: registered anyway")
			.isTrue();

		UUID migrant = UUID.randomUUID();
		publish(migrantRegistered(migrant, idNumber));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(this.staff.get(PetitionMother.BASE + "/" + id).at("/petitioners/0/migrantId"))
						.isEqualTo(migrant.toString()));
	}

	@Test
	void aCorrectedIdNumberReplacesTheOldOneAndARedeliveredEventChangesNothing() {
		String wrong = TestIdNumbers.unique();
		String right = TestIdNumbers.unique();
		UUID migrant = UUID.randomUUID();
		publish(migrantRegistered(migrant, wrong));
		await().atMost(Duration.ofSeconds(30)).until(() -> known(wrong));

		Map<String, Object> corrected = envelope("MigrantCorrected", migrant,
				Map.of("migrantId", migrant.toString(), "idNumber", right, "previousIdNumber", wrong, "name", "李明",
						"householdId", UUID.randomUUID().toString(), "townshipCode", TOWNSHIP, "category", "ORIGINAL",
						"supportStart", "2006-07-01", "supportEnd", "2026-06-30", "changedFields",
						List.of("idNumber")));
		publish(corrected);
		publish(corrected);
		await().atMost(Duration.ofSeconds(30)).until(() -> known(right) && !known(wrong));
		assertThat(this.jdbc.sql("select count(*) from inbox_event where event_id = ?")
			.param(corrected.get("id"))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private boolean known(String idNumber) {
		return this.jdbc.sql("select count(*) from migrant_ref where id_number = ?")
			.param(idNumber)
			.query(Long.class)
			.single() == 1;
	}

	private static Map<String, Object> migrantRegistered(UUID migrant, String idNumber) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("migrantId", migrant.toString());
		data.put("idNumber", idNumber);
		data.put("name", "李明");
		data.put("sex", "MALE");
		data.put("birthDate", "1980-03-15");
		data.put("householdId", UUID.randomUUID().toString());
		data.put("householdNo", "H-" + migrant.toString().substring(0, 8));
		data.put("townshipCode", TOWNSHIP);
		data.put("village", "三合村");
		data.put("relationToHead", "户主");
		data.put("category", "ORIGINAL");
		data.put("supportStart", "2006-07-01");
		data.put("supportEnd", "2026-06-30");
		data.put("activeFrom", "2001-05-01");
		data.put("status", "ACTIVE");
		return envelope("MigrantRegistered", migrant, data);
	}

	private static Map<String, Object> envelope(String name, UUID subject, Map<String, Object> data) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("specversion", "1.0");
		event.put("id", UUID.randomUUID().toString());
		event.put("source", "/resettlement/430582/population-service");
		event.put("type", "resettlement.population." + name + ".v1");
		event.put("subject", subject.toString());
		event.put("time", Instant.now().toString());
		event.put("datacontenttype", "application/json");
		event.put("dataschema", "urn:resettlement:events:population:" + name + ":v1");
		event.put("unitcode", "430582");
		event.put("data", data);
		return event;
	}

	private static void publish(Map<String, Object> event) {
		String json = JSON.writeValueAsString(event);
		assertThat(EventSchemas.instance().validate(json)).as("a contract-valid population event").isEmpty();
		population.send(new ProducerRecord<>("resettlement.population.v1", (String) event.get("subject"), json));
		population.flush();
	}

}
