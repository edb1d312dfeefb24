package cn.resettlement.subsidy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.subsidy.Fixtures.BankLine;
import cn.resettlement.subsidy.Fixtures.Person;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;

import static cn.resettlement.subsidy.Fixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Overpayment recovery (追缴) from population's events: quarters of 2022 are paid, then
 * deaths, a reinstatement and a removal that overtakes the bank's result are recorded in
 * the real population-service.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverpaymentIntegrationTests {

	private static final LocalDate DIED = LocalDate.of(2022, 5, 10);

	private static TopicRecorder subsidyTopic;

	private static TopicRecorder populationTopic;

	private static Person dies;

	private static Person reinstated;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KafkaConnectionDetails kafka;

	Fixtures fixtures;

	@BeforeAll
	static void payThreeQuarters(@Autowired KafkaConnectionDetails kafka, @Autowired RestTestClient client) {
		String bootstrap = String.join(",", kafka.getBootstrapServers());
		subsidyTopic = TopicRecorder.record(bootstrap, "resettlement.subsidy.v1");
		populationTopic = TopicRecorder.record(bootstrap, "resettlement.population.v1");
		dies = Fixtures.register(Fixtures.TOWNSHIP);
		reinstated = Fixtures.register(Fixtures.TOWNSHIP);
		Fixtures fixtures = new Fixtures(client);
		fixtures.policy(2022, "QUARTERLY");
		for (String quarter : List.of("2022-Q1", "2022-Q2", "2022-Q3")) {
			fixtures.payAll(fixtures.generate(2022, quarter).at("/id"));
		}
	}

	/** Every event produced so far, of every subsidy type, against its schema. */
	@AfterAll
	static void eventsAreSchemaValid() {
		try {
			subsidyTopic.awaitEvent("OverpaymentClaimAdjusted", (e) -> true);
			subsidyTopic.awaitEvent("OverpaymentWrittenOff", (e) -> true);
			subsidyTopic.assertAllValid();
		}
		finally {
			subsidyTopic.close();
			populationTopic.close();
		}
	}

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client);
	}

	@Test
	@Order(1)
	void aDeathRecordedAfterPaymentOpensAClaimForExactlyThePeriodsAfterIt() {
		Fixtures.adjust(dies, "DEATH", DIED);

		JsonNode claim = awaitClaim(dies);
		assertThat(claim.at("/cause").asString()).isEqualTo("DEATH");
		assertThat(claim.at("/effectiveDate").asString()).isEqualTo(DIED.toString());
		assertThat(claim.at("/amount").decimalValue()).as("Q3 only: Q1 and Q2 started before the death")
			.isEqualByComparingTo("150");
		assertThat(claim.at("/status").asString()).isEqualTo("OPEN");
		assertThat(claim.at("/idNumber").asString()).doesNotContain(dies.idNumber().substring(6, 14));
		LocalDate opened = LocalDate.parse(claim.at("/openedOn").asString());
		assertThat(claim.at("/dueOn").asString()).isEqualTo(opened.plusMonths(3).toString());
		TestHttp.Response detail = this.fixtures.staff().get(BASE + "/overpayments/" + claim.at("/id").asString());
		assertThat(detail.json().get("lines").valueStream().map((l) -> l.get("period").asString()))
			.containsExactly("2022-Q3");
		JsonNode event = subsidyTopic.awaitEvent("OverpaymentClaimOpened",
				(e) -> e.at("/data/migrantId").asString().equals(dies.id()));
		assertThat(event.at("/data/amountFen").asLong()).isEqualTo(15_000);
		assertThat(event.at("/data/lines/0/period").asString()).isEqualTo("2022-Q3");

		// the same event delivered again changes nothing
		JsonNode adjusted = populationTopic.awaitEvent("MigrantAdjusted",
				(e) -> e.at("/data/migrantId").asString().equals(dies.id()));
		redeliver(adjusted);
		Person signal = Fixtures.register(Fixtures.TOWNSHIP);
		Fixtures.adjust(signal, "MOVED_OUT", LocalDate.of(2022, 9, 1));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from migrant_adjustment where migrant_id = ?::uuid")
				.param(signal.id())
				.query(Long.class)
				.single() == 1);
		assertThat(claims(dies).at("/total")).as("the redelivered event was applied once").isEqualTo("1");
		assertThat(this.jdbc.sql("select count(*) from migrant_adjustment where migrant_id = ?::uuid")
			.param(dies.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		// recoveries: partial, retried with the same key, then the rest
		String claimId = claim.at("/id").asString();
		Map<String, Object> fifty = Map.of("amount", 50, "recoveredOn", Fixtures.today().toString(), "receiptNo",
				"R-001");
		Map<String, String> key = Map.of("Idempotency-Key", "recover-" + UUID.randomUUID());
		TestHttp.Response first = this.fixtures.staff()
			.post(BASE + "/overpayments/" + claimId + "/recoveries", fifty, key);
		TestHttp.Response repeat = this.fixtures.staff()
			.post(BASE + "/overpayments/" + claimId + "/recoveries", fifty, key);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(repeat.status()).isEqualTo(201);
		assertThat(repeat.at("/id")).isEqualTo(first.at("/id"));
		assertThat(first.json().at("/claim/outstanding").decimalValue()).isEqualByComparingTo("100");
		TestHttp.Response tooMuch = this.fixtures.staff()
			.post(BASE + "/overpayments/" + claimId + "/recoveries",
					Map.of("amount", 100.01, "recoveredOn", Fixtures.today().toString()));
		assertThat(tooMuch.status()).isEqualTo(409);
		assertThat(tooMuch.at("/type")).isEqualTo("/problems/exceeds-outstanding");
		TestHttp.Response rest = this.fixtures.as(TestTokens.officer("olga", Fixtures.TOWNSHIP))
			.post(BASE + "/overpayments/" + claimId + "/recoveries",
					Map.of("amount", 100, "recoveredOn", Fixtures.today().toString()));
		assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
		assertThat(rest.at("/claim/status")).isEqualTo("RECOVERED");
		assertThat(this.jdbc.sql("select count(*) from overpayment_recovery where claim_id = ?::uuid")
			.param(claimId)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(this.fixtures.staff()
			.post(BASE + "/overpayments/" + claimId + "/recoveries",
					Map.of("amount", 1, "recoveredOn", Fixtures.today().toString()))
			.at("/type")).isEqualTo("/problems/claim-not-open");
		subsidyTopic.awaitEvent("OverpaymentRecovered", (e) -> e.at("/data/claimId").asString().equals(claimId)
				&& e.at("/data/outstandingFen").asLong() == 0 && e.at("/data/recoveredTotalFen").asLong() == 15_000);
		subsidyTopic.assertAllValid();
	}

	@Test
	@Order(2)
	void aReinstatementCancelsTheClaimOfThePeriodsItGivesBack() {
		Fixtures.adjust(reinstated, "DISQUALIFIED", LocalDate.of(2022, 4, 15));
		JsonNode claim = awaitClaim(reinstated);
		assertThat(claim.at("/amount").decimalValue()).isEqualByComparingTo("150");
		Fixtures.adjust(reinstated, "REINSTATED", LocalDate.of(2022, 6, 1));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(claims(reinstated).at("/items/0/status")).isEqualTo("CANCELLED"));
		JsonNode adjusted = subsidyTopic.awaitEvent("OverpaymentClaimAdjusted",
				(e) -> e.at("/data/claimId").asString().equals(claim.at("/id").asString()));
		assertThat(adjusted.at("/data/amountFen").asLong()).isZero();
		assertThat(adjusted.at("/data/releasedLines/0/period").asString()).isEqualTo("2022-Q3");
	}

	@Test
	@Order(3)
	void aRemovalThatOvertakesTheBanksResultIsClaimedWhenThePaymentIsRecorded() throws Exception {
		Person late = Fixtures.register(Fixtures.TOWNSHIP);
		Person dropped = Fixtures.register(Fixtures.TOWNSHIP);
		TestHttp.Response batch = this.fixtures.generate(2022, "2022-Q4");
		String batchId = batch.at("/id");
		int lines = batch.json().get("lineCount").asInt();

		// removed before Q4 while the batch is a draft: taken out of it
		Fixtures.adjust(dropped, "DUPLICATE", LocalDate.of(2022, 8, 1));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.fixtures.staff().get(BASE + "/batches/" + batchId).at("/lineCount"))
				.isEqualTo(String.valueOf(lines - 1)));

		this.fixtures.approve(batchId);
		List<BankLine> bankLines = this.fixtures.bankFile(batchId);
		assertThat(bankLines).noneMatch((l) -> l.idNumber().equals(dropped.idNumber()));
		// removed before Q4 after the file went to the bank: the payment becomes a claim
		Fixtures.adjust(late, "MOVED_OUT", LocalDate.of(2022, 9, 15));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from migrant_adjustment where migrant_id = ?::uuid")
				.param(late.id())
				.query(Long.class)
				.single() == 1);
		assertThat(claims(late).at("/total")).isEqualTo("0");
		this.fixtures.record(batchId, Fixtures.results(bankLines, Map.of()));
		JsonNode claim = claims(late).json().at("/items/0");
		assertThat(claim.at("/cause").asString()).isEqualTo("MOVED_OUT");
		assertThat(claim.at("/amount").decimalValue()).isEqualByComparingTo("150");

		// write-off: centre staff only
		String claimId = claim.at("/id").asString();
		Map<String, Object> writeOff = Map.of("writtenOffOn", Fixtures.today().toString(), "reason", "迁往外省，无法追回");
		assertThat(this.fixtures.as(TestTokens.officer("olga", Fixtures.TOWNSHIP))
			.post(BASE + "/overpayments/" + claimId + "/write-off", writeOff)
			.status()).isEqualTo(403);
		TestHttp.Response writtenOff = this.fixtures.staff()
			.post(BASE + "/overpayments/" + claimId + "/write-off", writeOff);
		assertThat(writtenOff.status()).as(writtenOff.toString()).isEqualTo(200);
		assertThat(writtenOff.at("/status")).isEqualTo("WRITTEN_OFF");
		assertThat(writtenOff.json().at("/outstanding").decimalValue()).isEqualByComparingTo("0");
		subsidyTopic.awaitEvent("OverpaymentWrittenOff",
				(e) -> e.at("/data/claimId").asString().equals(claimId) && e.at("/data/amountFen").asLong() == 15_000);

		// officers see their township's claims only
		TestHttp officer = this.fixtures.as(TestTokens.officer("otto", Fixtures.OTHER_TOWNSHIP));
		assertThat(officer.get(BASE + "/overpayments/" + claimId).status()).isEqualTo(403);
		assertThat(officer.get(BASE + "/overpayments?townshipCode=" + Fixtures.TOWNSHIP).status()).isEqualTo(403);
		assertThat(officer.get(BASE + "/overpayments").json().get("items").valueStream())
			.allSatisfy((c) -> assertThat(c.get("townshipCode").asString()).isEqualTo(Fixtures.OTHER_TOWNSHIP));
	}

	@Test
	@Order(4)
	void concurrentRecoveriesWithOneKeyRecoverOnce() throws Exception {
		Person person = Fixtures.register(Fixtures.TOWNSHIP);
		TestHttp.Response batch = this.fixtures.staff()
			.post(BASE + "/batches", Map.of("year", 2022, "period", "2022-Q4"));
		assertThat(batch.status()).as(batch.toString()).isEqualTo(201);
		List<BankLine> lines = this.fixtures.payAll(batch.at("/id"));
		assertThat(lines).anyMatch((l) -> l.idNumber().equals(person.idNumber()));
		Fixtures.adjust(person, "DEATH", LocalDate.of(2022, 9, 30));
		String claimId = awaitClaim(person).at("/id").asString();
		Map<String, Object> body = Map.of("amount", 20, "recoveredOn", Fixtures.today().toString());
		Map<String, String> key = Map.of("Idempotency-Key", "recover-" + UUID.randomUUID());
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			Callable<TestHttp.Response> call = () -> this.fixtures.staff()
				.post(BASE + "/overpayments/" + claimId + "/recoveries", body, key);
			List<Future<TestHttp.Response>> responses = pool.invokeAll(List.of(call, call, call, call));
			for (Future<TestHttp.Response> response : responses) {
				assertThat(response.get().status()).as(response.get().toString()).isIn(201, 409);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("select count(*) from overpayment_recovery where claim_id = ?::uuid")
			.param(claimId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.fixtures.staff().get(BASE + "/overpayments/" + claimId).json().at("/recovered").decimalValue())
			.isEqualByComparingTo("20");
	}

	private JsonNode awaitClaim(Person person) {
		JsonNode[] claim = new JsonNode[1];
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			TestHttp.Response list = claims(person);
			assertThat(list.at("/total")).isEqualTo("1");
			claim[0] = list.json().at("/items/0");
		});
		return claim[0];
	}

	private TestHttp.Response claims(Person person) {
		return this.fixtures.staff().get(BASE + "/overpayments?migrantId=" + person.id());
	}

	private void redeliver(JsonNode event) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", this.kafka.getBootstrapServers())),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("resettlement.population.v1", event.get("subject").asString(),
					event.toString()));
			producer.flush();
		}
	}

}
