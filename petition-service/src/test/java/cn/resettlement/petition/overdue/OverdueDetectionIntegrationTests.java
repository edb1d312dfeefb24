package cn.resettlement.petition.overdue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.resettlement.petition.PetitionMother;
import cn.resettlement.petition.cases.Petitions;
import cn.resettlement.petition.config.PetitionProperties;
import cn.resettlement.petition.config.Today;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OverdueDetectionIntegrationTests {

	private static TopicRecorder topic;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OverdueDetector detector;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Petitions petitions;

	@Autowired
	Outbox outbox;

	@Autowired
	Today today;

	@Autowired
	PetitionProperties properties;

	TestHttp staff;

	LocalDate now = LocalDate.now(ZoneId.of("Asia/Shanghai"));

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
	void twoDetectorsRunningAtOnceFlagEachMissedDeadlineOnceAndPublishItOnce() throws Exception {
		String township = "430582120";
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			// never accepted: the acceptance decision was due 15 days after receipt
			ids.add(PetitionMother.registered(this.staff, this.now.minusDays(20 + i), 1 + i % 6, township));
		}
		for (int i = 0; i < 8; i++) {
			// accepted 70 or more days ago and never replied: the reply was due after 60
			// days
			String id = PetitionMother.registered(this.staff, this.now.minusDays(90), 2, township);
			PetitionMother.accept(this.staff, id, this.now.minusDays(70 + i));
			ids.add(id);
		}
		for (int i = 0; i < 3; i++) {
			// still within their deadlines
			PetitionMother.registered(this.staff, this.now.minusDays(i), 1, township);
		}

		// a second, independent detector instance on the same database, as on a second
		// node
		OverdueDetector second = new OverdueDetector(this.jdbc, this.transactions, this.petitions, this.outbox,
				this.today, this.properties, new SimpleMeterRegistry());
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<CompletableFuture<Integer>> runs = new ArrayList<>();
			for (OverdueDetector instance : List.of(this.detector, second)) {
				runs.add(CompletableFuture.supplyAsync(() -> {
					await(start);
					int flagged = 0;
					for (int round = 0; round < 3; round++) {
						flagged += instance.detect(this.now);
					}
					return flagged;
				}, threads));
			}
			CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(this.jdbc.sql("select count(*) from petition_overdue where petition_id::text = any(?)")
			.param(ids.toArray(String[]::new))
			.query(Long.class)
			.single()).isEqualTo(20);
		assertThat(this.jdbc
			.sql("select count(*) from outbox_event where event_type = 'resettlement.petition.PetitionOverdue.v1' "
					+ "and aggregate_id = any(?)")
			.param(ids.toArray(String[]::new))
			.query(Long.class)
			.single()).as("one event per petition and deadline in the outbox").isEqualTo(20);

		List<JsonNode> events = topic.awaitEvents("PetitionOverdue",
				(e) -> e.at("/data/townshipCode").asString().equals(township), 20);
		assertThat(events).hasSize(20);
		Set<String> keys = events.stream()
			.map((e) -> e.get("subject").asString() + "/" + e.at("/data/deadline").asString())
			.collect(Collectors.toSet());
		assertThat(keys).hasSize(20);
		assertThat(events.stream().filter((e) -> e.at("/data/deadline").asString().equals("ACCEPTANCE"))).hasSize(12)
			.allSatisfy((e) -> assertThat(e.at("/data/status").asString()).isEqualTo("REGISTERED"));
		assertThat(events.stream().filter((e) -> e.at("/data/deadline").asString().equals("REPLY"))).hasSize(8)
			.allSatisfy((e) -> assertThat(LocalDate.parse(e.at("/data/dueOn").asString())).isBefore(this.now));
		topic.assertAllValid();

		assertThat(this.detector.detect(this.now)).as("nothing new on a later run").isZero();
	}

	@Test
	void eachDeadlineOfAPetitionIsFlaggedOnItsOwn() {
		String township = "430582121";
		String id = PetitionMother.registered(this.staff, this.now.minusDays(100), 2, township);
		this.detector.detect(this.now);
		TestHttp.Response late = this.staff.get(PetitionMother.BASE + "/" + id);
		assertThat(late.at("/overdue")).isEqualTo("true");
		assertThat(late.at("/missedDeadlines/0/kind")).isEqualTo("ACCEPTANCE");
		assertThat(late.at("/missedDeadlines/0/dueOn")).isEqualTo(this.now.minusDays(85).toString());

		PetitionMother.accept(this.staff, id, this.now.minusDays(80));
		assertThat(this.staff.get(PetitionMother.BASE + "/" + id).at("/overdue")).isEqualTo("true");
		this.detector.detect(this.now);
		this.detector.detect(this.now);

		List<String> kinds = this.jdbc
			.sql("select deadline_kind from petition_overdue where petition_id = ?::uuid order by due_on")
			.param(id)
			.query(String.class)
			.list();
		assertThat(kinds).containsExactly("ACCEPTANCE", "REPLY");
		List<JsonNode> events = topic.awaitEvents("PetitionOverdue", (e) -> e.get("subject").asString().equals(id), 2);
		assertThat(events).extracting((e) -> e.at("/data/deadline").asString())
			.containsExactlyInAnyOrder("ACCEPTANCE", "REPLY");
		TestHttp.Response backdated = this.staff.post(PetitionMother.BASE + "/" + id + "/extend",
				Map.of("days", 30, "reason", "补办延期审批", "extendedOn", this.now.minusDays(25).toString()));
		assertThat(backdated.status()).as("a missed deadline stays missed").isEqualTo(409);
		assertThat(backdated.at("/type")).isEqualTo("/problems/deadline-passed");

		PetitionMother.reply(this.staff, id, this.now);
		TestHttp.Response replied = this.staff.get(PetitionMother.BASE + "/" + id);
		assertThat(replied.at("/overdue")).isEqualTo("false");
		assertThat(replied.json().get("missedDeadlines")).hasSize(2);
	}

	@Test
	void overduePetitionsAreListedAndCountedPerDeadline() {
		String township = "430582122";
		String lateAcceptance = PetitionMother.registered(this.staff, this.now.minusDays(16), 1, township);
		String lateReply = PetitionMother.registered(this.staff, this.now.minusDays(90), 2, township);
		PetitionMother.accept(this.staff, lateReply, this.now.minusDays(61));
		String dueToday = PetitionMother.registered(this.staff, this.now.minusDays(15), 3, township);
		String accepted = PetitionMother.registered(this.staff, this.now.minusDays(30), 4, township);
		PetitionMother.accept(this.staff, accepted, this.now.minusDays(20));

		TestHttp.Response overdue = this.staff
			.get(PetitionMother.BASE + "?overdue=true&townshipCode=" + township + "&size=500");
		assertThat(overdue.status()).isEqualTo(200);
		assertThat(ids(overdue)).containsExactlyInAnyOrder(lateAcceptance, lateReply);
		assertThat(ids(this.staff.get(PetitionMother.BASE + "?overdue=false&townshipCode=" + township)))
			.containsExactlyInAnyOrder(dueToday, accepted);
		assertThat(ids(this.staff.get(PetitionMother.BASE + "?overdue=true&status=ACCEPTED&townshipCode=" + township)))
			.containsExactly(lateReply);

		TestHttp.Response counts = this.staff.get(PetitionMother.BASE + "/overdue?townshipCode=" + township);
		assertThat(counts.at("/total")).isEqualTo("2");
		assertThat(counts.at("/byDeadline/ACCEPTANCE")).isEqualTo("1");
		assertThat(counts.at("/byDeadline/REPLY")).isEqualTo("1");
		assertThat(counts.at("/byDeadline/REVIEW")).isEqualTo("0");
		assertThat(counts.at("/asOf")).isEqualTo(this.now.toString());
	}

	@Test
	void administratorsCanRunTheDetectorOnDemand() {
		String township = "430582123";
		String id = PetitionMother.registered(this.staff, this.now.minusDays(40), 1, township);
		assertThat(this.staff.post(PetitionMother.BASE + "/overdue/detection", Map.of()).status()).isEqualTo(403);
		TestHttp admin = new TestHttp(this.client).as(TestTokens.admin("root"));
		TestHttp.Response run = admin.post(PetitionMother.BASE + "/overdue/detection", Map.of());
		assertThat(run.status()).as(run.toString()).isEqualTo(200);
		assertThat(run.at("/asOf")).isEqualTo(this.now.toString());
		assertThat(this.jdbc.sql("select count(*) from petition_overdue where petition_id = ?::uuid")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static List<String> ids(TestHttp.Response list) {
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return list.json().get("items").valueStream().map((item) -> item.get("id").asString()).toList();
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
