package cn.resettlement.petition.cases;

import java.time.LocalDate;
import java.time.ZoneId;
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

import cn.resettlement.petition.PetitionMother;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PetitionRegistrationIntegrationTests {

	static final String TOWNSHIP = "430582101";

	static final String OTHER_TOWNSHIP = "430582102";

	private static TopicRecorder topic;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	TestHttp staff;

	LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@BeforeAll
	static void recordTopic(@Autowired KafkaConnectionDetails kafka) {
		topic = TopicRecorder.record(String.join(",", kafka.getBootstrapServers()), "resettlement.petition.v1");
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
	void registersAPetitionWithItsAcceptanceDeadlineAndPublishesIt() {
		String idNumber = TestIdNumbers.of("430582", LocalDate.of(1968, 4, 2), 311);
		Map<String, Object> body = PetitionMother.withPetitioners(
				PetitionMother.petition(this.today.minusDays(3), 6, TOWNSHIP),
				PetitionMother.petitioner("李明", idNumber.toLowerCase()), PetitionMother.petitioner("王芳", null));
		TestHttp.Response created = PetitionMother.register(this.staff, body);

		String id = created.at("/id");
		assertThat(created.headers().getLocation()).hasPath("/api/v1/petitions/" + id);
		assertThat(created.etag()).isEqualTo("\"0\"");
		assertThat(created.at("/caseNo")).matches("XF" + this.today.minusDays(3).getYear() + "-[0-9]{4}");
		assertThat(created.at("/status")).isEqualTo("REGISTERED");
		assertThat(created.at("/source")).isEqualTo("OWN");
		assertThat(created.at("/collective")).isEqualTo("true");
		assertThat(created.at("/acceptDue")).isEqualTo(this.today.plusDays(12).toString());
		assertThat(created.at("/currentDeadline/kind")).isEqualTo("ACCEPTANCE");
		assertThat(created.at("/overdue")).isEqualTo("false");
		assertThat(created.at("/petitioners/0/idNumber")).as("normalised").isEqualTo(idNumber);
		assertThat(this.jdbc.sql("select created_by from petition where id = ?::uuid")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("alice");

		JsonNode event = topic.awaitEvent("PetitionRegistered", (e) -> e.get("subject").asString().equals(id));
		assertThat(event.at("/data/personCount").asInt()).isEqualTo(6);
		assertThat(event.at("/data/collective").asBoolean()).isTrue();
		assertThat(event.at("/data/namedPetitioners").asInt()).isEqualTo(2);
		assertThat(event.at("/data/receivedOn").asString()).isEqualTo(this.today.minusDays(3).toString());
		assertThat(event.toString()).as("petitioners stay confidential").doesNotContain(idNumber).doesNotContain("李明");
		topic.assertAllValid();
	}

	@Test
	void anAnonymousLetterNeedsNoPetitioner() {
		Map<String, Object> body = PetitionMother.petition(this.today, 1, TOWNSHIP);
		body.put("channel", "LETTER");
		body.remove("petitioners");
		TestHttp.Response created = PetitionMother.register(this.staff, body);
		assertThat(created.at("/anonymous")).isEqualTo("true");
		assertThat(created.json().get("petitioners")).isEmpty();
	}

	@Test
	void forwardedAndAssignedPetitionsNameTheIssuingBodyAndItsReference() {
		Map<String, Object> body = PetitionMother.petition(this.today, 2, TOWNSHIP);
		body.put("source", "ASSIGNED");
		TestHttp.Response missing = this.staff.post(PetitionMother.BASE, body);
		assertThat(missing.status()).isEqualTo(400);
		assertThat(fields(missing)).containsExactlyInAnyOrder("sourceBody", "sourceReference");

		body.put("sourceBody", "邵阳市信访局");
		body.put("sourceReference", "邵信交〔2026〕12号");
		TestHttp.Response created = PetitionMother.register(this.staff, body);
		assertThat(created.at("/source")).isEqualTo("ASSIGNED");
		assertThat(created.at("/sourceReference")).isEqualTo("邵信交〔2026〕12号");
	}

	@Test
	void badInputIsAFourHundredProblemAndWritesNothing() {
		long petitions = count("petition");
		long outbox = count("outbox_event");
		String badDigit = TestIdNumbers.withBadCheckDigit(TestIdNumbers.unique());
		String repeated = TestIdNumbers.unique();
		List<Consumer<Map<String, Object>>> breakages = List.of((b) -> b.remove("receivedOn"),
				(b) -> b.put("receivedOn", this.today.plusDays(1).toString()), (b) -> b.put("receivedOn", "2024-02-30"),
				(b) -> b.put("receivedOn", "1999-12-31"), (b) -> b.put("channel", "FAX"),
				(b) -> b.put("category", "TAXES"), (b) -> b.put("personCount", 0), (b) -> b.put("personCount", 1.5),
				(b) -> b.put("personCount", "3"), (b) -> b.put("personCount", 10001),
				(b) -> b.put("townshipCode", "43058210"), (b) -> b.put("townshipCode", "430999101"),
				(b) -> b.put("summary", " "), (b) -> b.put("summary", "x".repeat(2001)),
				(b) -> b.put("priority", "HIGH"), (b) -> b.put("sourceBody", "某局"),
				(b) -> b.put("petitioners", List.of(PetitionMother.petitioner("李明", badDigit))),
				(b) -> b.put("petitioners",
						List.of(PetitionMother.petitioner("李明", repeated), PetitionMother.petitioner("李明明", repeated))),
				(b) -> b.put("petitioners", List.of(PetitionMother.petitioner("", null))),
				(b) -> b.put("petitioners", List.of(PetitionMother.petitioner("李\u0000明", null))),
				(b) -> b.put("personCount", 1), (b) -> b.put("repeatOf", "not-a-uuid"));
		for (int i = 0; i < breakages.size(); i++) {
			Map<String, Object> body = new LinkedHashMap<>(PetitionMother.petition(this.today, 2, TOWNSHIP));
			if (i == breakages.size() - 2) {
				PetitionMother.withPetitioners(body, PetitionMother.petitioner("甲", null),
						PetitionMother.petitioner("乙", null));
			}
			breakages.get(i).accept(body);
			TestHttp.Response response = this.staff.post(PetitionMother.BASE, body);
			assertThat(response.status()).as("breakage %d: %s", i, response).isEqualTo(400);
			assertThat(response.contentType()).hasToString("application/problem+json");
		}
		assertThat(this.staff.post(PetitionMother.BASE, "{\"receivedOn\":").status()).isEqualTo(400);
		assertThat(this.staff.post(PetitionMother.BASE, "[]").status()).isEqualTo(400);

		Map<String, Object> unknownRepeat = PetitionMother.petition(this.today, 2, TOWNSHIP);
		unknownRepeat.put("repeatOf", "00000000-0000-4000-8000-000000000000");
		TestHttp.Response unprocessable = this.staff.post(PetitionMother.BASE, unknownRepeat);
		assertThat(unprocessable.status()).isEqualTo(422);
		assertThat(unprocessable.at("/type")).isEqualTo("/problems/unknown-petition");

		assertThat(count("petition")).isEqualTo(petitions);
		assertThat(count("outbox_event")).isEqualTo(outbox);
	}

	@Test
	void aRepeatPetitionJoinsTheMatterOfTheEarlierOne() {
		String first = PetitionMother.registered(this.staff, this.today.minusDays(40), 2, TOWNSHIP);
		Map<String, Object> again = PetitionMother.petition(this.today.minusDays(2), 3, TOWNSHIP);
		again.put("repeatOf", first);
		TestHttp.Response repeat = PetitionMother.register(this.staff, again);
		assertThat(repeat.at("/repeatOf")).isEqualTo(first);
		assertThat(repeat.at("/matterId")).isEqualTo(first);

		Map<String, Object> third = PetitionMother.petition(this.today, 1, TOWNSHIP);
		third.put("repeatOf", repeat.at("/id"));
		assertThat(PetitionMother.register(this.staff, third).at("/matterId")).isEqualTo(first);

		Map<String, Object> backwards = PetitionMother.petition(this.today.minusDays(50), 1, TOWNSHIP);
		backwards.put("repeatOf", first);
		assertThat(this.staff.post(PetitionMother.BASE, backwards).status()).isEqualTo(400);
	}

	@Test
	void idNumbersAreMaskedInListsAndForAuditorsButShownToStaff() {
		String idNumber = TestIdNumbers.unique();
		String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
		String id = PetitionMother
			.register(this.staff, PetitionMother.withPetitioners(PetitionMother.petition(this.today, 1, OTHER_TOWNSHIP),
					PetitionMother.petitioner("赵六", idNumber)))
			.at("/id");

		assertThat(this.staff.get(PetitionMother.BASE + "/" + id).at("/petitioners/0/idNumber")).isEqualTo(idNumber);
		TestHttp auditor = new TestHttp(this.client).as(TestTokens.auditor("audrey"));
		assertThat(auditor.get(PetitionMother.BASE + "/" + id).at("/petitioners/0/idNumber")).isEqualTo(masked);

		TestHttp.Response list = this.staff.get(PetitionMother.BASE + "?townshipCode=" + OTHER_TOWNSHIP + "&size=500");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(masked).doesNotContain(idNumber);
	}

	@Test
	void townshipOfficersWorkOnlyOnTheirOwnTownship() {
		TestHttp officer = new TestHttp(this.client).as(TestTokens.officer("olga", TOWNSHIP));
		String own = PetitionMother.registered(officer, this.today, 2, TOWNSHIP);
		String foreign = PetitionMother.registered(this.staff, this.today, 2, OTHER_TOWNSHIP);
		long petitions = count("petition");

		TestHttp.Response elsewhere = officer.post(PetitionMother.BASE,
				PetitionMother.petition(this.today, 2, OTHER_TOWNSHIP));
		assertThat(elsewhere.status()).isEqualTo(403);
		assertThat(elsewhere.contentType()).hasToString("application/problem+json");
		assertThat(count("petition")).isEqualTo(petitions);

		assertThat(officer.get(PetitionMother.BASE + "/" + own).status()).isEqualTo(200);
		assertThat(officer.get(PetitionMother.BASE + "/" + foreign).status()).isEqualTo(403);
		assertThat(officer
			.post(PetitionMother.BASE + "/" + foreign + "/accept", Map.of("acceptedOn", this.today.toString()))
			.status()).isEqualTo(403);
		assertThat(this.staff.get(PetitionMother.BASE + "/" + foreign).at("/status")).isEqualTo("REGISTERED");

		TestHttp.Response list = officer.get(PetitionMother.BASE + "?size=500");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().get("items")).isNotEmpty()
			.allSatisfy((item) -> assertThat(item.get("townshipCode").asString()).isEqualTo(TOWNSHIP));
		assertThat(officer.get(PetitionMother.BASE + "?townshipCode=" + OTHER_TOWNSHIP).status()).isEqualTo(403);
		assertThat(officer.get(PetitionMother.BASE + "/summary?year=2026&townshipCode=" + OTHER_TOWNSHIP).status())
			.isEqualTo(403);
		assertThat(officer.get(PetitionMother.BASE + "/summary?year=" + this.today.getYear()).at("/townshipCode"))
			.isEqualTo(TOWNSHIP);
		assertThat(officer.get(PetitionMother.BASE + "/overdue").at("/townshipCode")).isEqualTo(TOWNSHIP);
	}

	@Test
	void auditorsReadButChangeNothing() {
		String id = PetitionMother.registered(this.staff, this.today, 2, TOWNSHIP);
		TestHttp auditor = new TestHttp(this.client).as(TestTokens.auditor("audrey"));
		long outbox = count("outbox_event");

		assertThat(auditor.post(PetitionMother.BASE, PetitionMother.petition(this.today, 2, TOWNSHIP)).status())
			.isEqualTo(403);
		assertThat(auditor.post(PetitionMother.BASE + "/" + id + "/accept", Map.of("acceptedOn", this.today.toString()))
			.status()).isEqualTo(403);
		assertThat(auditor.put(PetitionMother.BASE + "/" + id + "/assignment", Map.of("handler", "审计")).status())
			.isEqualTo(403);
		assertThat(auditor.post(PetitionMother.BASE + "/overdue/detection", Map.of()).status()).isEqualTo(403);
		assertThat(count("outbox_event")).isEqualTo(outbox);

		assertThat(auditor.get(PetitionMother.BASE + "/" + id).status()).isEqualTo(200);
		assertThat(auditor.get(PetitionMother.BASE + "?status=REGISTERED").status()).isEqualTo(200);
		assertThat(auditor.get(PetitionMother.BASE + "/summary?year=" + this.today.getYear()).status()).isEqualTo(200);
		assertThat(auditor.get(PetitionMother.BASE + "/overdue").status()).isEqualTo(200);
	}

	@Test
	void withoutATokenNothingIsAnswered() {
		TestHttp anonymous = new TestHttp(this.client);
		assertThat(anonymous.get(PetitionMother.BASE).status()).isEqualTo(401);
		assertThat(anonymous.post(PetitionMother.BASE, PetitionMother.petition(this.today, 1, TOWNSHIP)).status())
			.isEqualTo(401);
	}

	@Test
	void aRepeatedIdempotencyKeyReplaysTheFirstRegistration() {
		Map<String, Object> body = PetitionMother.petition(this.today, 3, TOWNSHIP);
		Map<String, String> key = Map.of("Idempotency-Key", "petition-" + System.nanoTime());
		TestHttp.Response first = this.staff.post(PetitionMother.BASE, body, key);
		TestHttp.Response second = this.staff.post(PetitionMother.BASE, body, key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.at("/id")).isEqualTo(first.at("/id"));
		assertThat(second.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.jdbc.sql("select count(*) from petition where case_no = ?")
			.param(first.at("/caseNo"))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theApiDocumentDescribesThePetitionEndpoints() {
		TestHttp.Response document = new TestHttp(this.client).get("/v3/api-docs");
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.json().get("paths").propertyNames()).contains("/api/v1/petitions",
				"/api/v1/petitions/{id}/accept", "/api/v1/petitions/{id}/extend", "/api/v1/petitions/summary",
				"/api/v1/petitions/ledger.xlsx");
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static List<String> fields(TestHttp.Response problem) {
		return problem.json().get("errors").valueStream().map((e) -> e.get("field").asString()).toList();
	}

}
