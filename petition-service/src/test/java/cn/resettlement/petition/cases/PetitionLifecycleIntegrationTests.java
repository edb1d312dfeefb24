package cn.resettlement.petition.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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

import cn.resettlement.petition.PetitionMother;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PetitionLifecycleIntegrationTests {

	static final String TOWNSHIP = "430582110";

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
	void aPetitionGoesThroughAcceptanceExtensionReplyClosureReviewAndReReview() {
		LocalDate received = this.today.minusDays(200);
		String id = PetitionMother.registered(this.staff, received, 3, TOWNSHIP);
		String uri = PetitionMother.BASE + "/" + id;

		TestHttp.Response accepted = PetitionMother.accept(this.staff, id, received.plusDays(10));
		assertThat(accepted.at("/status")).isEqualTo("ACCEPTED");
		assertThat(accepted.at("/replyDue")).isEqualTo(received.plusDays(70).toString());
		assertThat(accepted.etag()).isEqualTo("\"1\"");

		TestHttp.Response extended = PetitionMother.command(this.staff, id, "extend", Map.of("days", 30, "reason",
				"涉及多部门协调，情况复杂", "extendedOn", received.plusDays(60).toString(), "approvedBy", "张主任"));
		assertThat(extended.at("/replyDue")).isEqualTo(received.plusDays(100).toString());
		assertThat(extended.at("/extension/previousDue")).isEqualTo(received.plusDays(70).toString());
		assertThat(extended.at("/status")).isEqualTo("ACCEPTED");

		TestHttp.Response replied = PetitionMother.reply(this.staff, id, received.plusDays(95));
		assertThat(replied.at("/status")).isEqualTo("REPLIED");
		assertThat(replied.json().get("currentDeadline").isNull()).isTrue();

		PetitionMother.close(this.staff, id, received.plusDays(97), "DISSATISFIED");
		PetitionMother.command(this.staff, id, "review", Map.of("requestedOn", received.plusDays(120).toString()));
		assertThat(this.staff.get(uri).at("/currentDeadline/kind")).isEqualTo("REVIEW");
		PetitionMother.command(this.staff, id, "review-decision",
				Map.of("decidedOn", received.plusDays(140).toString(), "outcome", "UPHELD", "opinion", "维持原答复意见"));
		PetitionMother.command(this.staff, id, "review", Map.of("requestedOn", received.plusDays(160).toString()));
		TestHttp.Response final_ = PetitionMother.command(this.staff, id, "review-decision",
				Map.of("decidedOn", received.plusDays(185).toString(), "outcome", "UPHELD", "opinion", "维持复查意见"));
		assertThat(final_.at("/status")).isEqualTo("RE_REVIEWED");
		assertThat(final_.at("/reReview/outcome")).isEqualTo("UPHELD");
		assertThat(final_.at("/review/decidedOn")).isEqualTo(received.plusDays(140).toString());

		List<String> names = List.of("PetitionRegistered", "PetitionAccepted", "PetitionExtended", "PetitionReplied",
				"PetitionClosed", "PetitionReviewRequested", "PetitionReviewDecided");
		for (String name : names) {
			topic.awaitEvent(name, (e) -> e.get("subject").asString().equals(id));
		}
		List<JsonNode> decisions = topic.awaitEvents("PetitionReviewDecided",
				(e) -> e.get("subject").asString().equals(id), 2);
		assertThat(decisions).extracting((e) -> e.at("/data/finalDecision").asBoolean()).containsExactly(false, true);
		JsonNode closed = topic.awaitEvent("PetitionClosed", (e) -> e.get("subject").asString().equals(id));
		assertThat(closed.at("/data/receivedOn").asString()).isEqualTo(received.toString());
		assertThat(closed.at("/data/acceptedOn").asString()).isEqualTo(received.plusDays(10).toString());
		assertThat(closed.at("/data/repliedOnTime").asBoolean()).isTrue();
		assertThat(closed.at("/data/satisfaction").asString()).isEqualTo("DISSATISFIED");
		topic.assertAllValid();

		assertThat(this.jdbc.sql("select action from audit_log where entity_id = ? order by id")
			.param(id)
			.query(String.class)
			.list()).containsExactly("petition.registered", "petition.accepted", "petition.extended",
					"petition.replied", "petition.closed", "petition.review-requested", "petition.review-decided",
					"petition.review-requested", "petition.review-decided");
	}

	@Test
	void illegalTransitionsAreConflictsAndChangeNothing() {
		String id = PetitionMother.registered(this.staff, this.today.minusDays(5), 2, TOWNSHIP);
		long outbox = outboxRows(id);

		TestHttp.Response close = this.staff.post(PetitionMother.BASE + "/" + id + "/close",
				Map.of("closedOn", this.today.toString(), "satisfaction", "SATISFIED"));
		assertThat(close.status()).isEqualTo(409);
		assertThat(close.at("/type")).isEqualTo("/problems/illegal-transition");
		assertThat(close.contentType()).hasToString("application/problem+json");
		assertThat(this.staff
			.post(PetitionMother.BASE + "/" + id + "/review", Map.of("requestedOn", this.today.toString()))
			.status()).isEqualTo(409);

		PetitionMother.command(this.staff, id, "reject",
				Map.of("decidedOn", this.today.toString(), "reason", "不属于本机关法定职权范围，已告知向有权机关提出"));
		TestHttp.Response acceptRejected = this.staff.post(PetitionMother.BASE + "/" + id + "/accept",
				Map.of("acceptedOn", this.today.toString()));
		assertThat(acceptRejected.status()).isEqualTo(409);

		TestHttp.Response petition = this.staff.get(PetitionMother.BASE + "/" + id);
		assertThat(petition.at("/status")).isEqualTo("REJECTED");
		assertThat(petition.etag()).isEqualTo("\"1\"");
		assertThat(outboxRows(id)).isEqualTo(outbox + 1);
	}

	@Test
	void badDatesAndAmountsOfTransitionsAreFourHundredsThatChangeNothing() {
		String id = PetitionMother.registered(this.staff, this.today.minusDays(5), 2, TOWNSHIP);
		String uri = PetitionMother.BASE + "/" + id;
		assertThat(this.staff.post(uri + "/accept", Map.of("acceptedOn", this.today.minusDays(6).toString())).status())
			.isEqualTo(400);
		assertThat(this.staff.post(uri + "/accept", Map.of("acceptedOn", this.today.plusDays(1).toString())).status())
			.isEqualTo(400);
		assertThat(this.staff.post(uri + "/accept", Map.of()).status()).isEqualTo(400);
		assertThat(this.staff.post(uri + "/reject", Map.of("decidedOn", this.today.toString())).status())
			.isEqualTo(400);
		PetitionMother.accept(this.staff, id, this.today);
		assertThat(this.staff.post(uri + "/extend", Map.of("days", 31, "reason", "复杂")).status()).isEqualTo(400);
		assertThat(this.staff.post(uri + "/extend", Map.of("days", 10)).status()).isEqualTo(400);
		assertThat(this.staff.post(uri + "/reply", Map.of("repliedOn", this.today.toString())).status()).isEqualTo(400);
		assertThat(this.staff
			.post(PetitionMother.BASE + "/00000000-0000-4000-8000-000000000000/accept",
					Map.of("acceptedOn", this.today.toString()))
			.status()).isEqualTo(404);
		assertThat(this.staff.get(uri).etag()).isEqualTo("\"1\"");
	}

	@Test
	void theReplyDeadlineIsExtendedOnlyOnce() {
		String id = PetitionMother.registered(this.staff, this.today.minusDays(20), 2, TOWNSHIP);
		PetitionMother.accept(this.staff, id, this.today.minusDays(10));
		PetitionMother.command(this.staff, id, "extend", Map.of("days", 15, "reason", "需现场勘查"));
		TestHttp.Response again = this.staff.post(PetitionMother.BASE + "/" + id + "/extend",
				Map.of("days", 5, "reason", "再次延期"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.at("/type")).isEqualTo("/problems/already-extended");
		assertThat(this.staff.get(PetitionMother.BASE + "/" + id).at("/replyDue"))
			.isEqualTo(this.today.minusDays(10).plusDays(75).toString());
	}

	@Test
	void aStaleIfMatchIsRefusedWithPreconditionFailed() {
		String id = PetitionMother.registered(this.staff, this.today.minusDays(5), 2, TOWNSHIP);
		TestHttp.Response stale = this.staff.exchange(HttpMethod.POST, PetitionMother.BASE + "/" + id + "/accept",
				Map.of("acceptedOn", this.today.toString()), Map.of("If-Match", "\"7\""));
		assertThat(stale.status()).isEqualTo(412);
		TestHttp.Response current = this.staff.exchange(HttpMethod.POST, PetitionMother.BASE + "/" + id + "/accept",
				Map.of("acceptedOn", this.today.toString()), Map.of("If-Match", "\"0\""));
		assertThat(current.status()).isEqualTo(200);
	}

	@Test
	void staffAssignAHandlerAndAResponsibleLeaderWithIfMatch() {
		String id = PetitionMother.registered(this.staff, this.today.minusDays(5), 2, TOWNSHIP);
		String uri = PetitionMother.BASE + "/" + id + "/assignment";
		Map<String, Object> assignment = Map.of("handler", "刘干事", "responsibleLeader", "陈副主任");

		assertThat(this.staff.put(uri, assignment).status()).as("If-Match required").isEqualTo(428);
		TestHttp officer = new TestHttp(this.client).as(TestTokens.officer("olga", TOWNSHIP));
		assertThat(officer.exchange(HttpMethod.PUT, uri, assignment, Map.of("If-Match", "\"0\"")).status())
			.isEqualTo(403);

		TestHttp.Response assigned = this.staff.exchange(HttpMethod.PUT, uri, assignment, Map.of("If-Match", "\"0\""));
		assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
		assertThat(assigned.at("/handler")).isEqualTo("刘干事");
		assertThat(assigned.at("/responsibleLeader")).isEqualTo("陈副主任");
		assertThat(assigned.etag()).isEqualTo("\"1\"");
		assertThat(this.staff.exchange(HttpMethod.PUT, uri, assignment, Map.of("If-Match", "\"0\"")).status())
			.isEqualTo(412);
		assertThat(this.staff.get(PetitionMother.BASE + "?townshipCode=" + TOWNSHIP + "&size=500").body())
			.contains("陈副主任");
	}

	@Test
	void aMatterDecidedOnReReviewIsNotAcceptedAgain() {
		LocalDate received = this.today.minusDays(150);
		String first = PetitionMother.closed(this.staff, PetitionMother.petition(received, 2, TOWNSHIP),
				received.plusDays(5), received.plusDays(40), received.plusDays(42));
		PetitionMother.command(this.staff, first, "review", Map.of("requestedOn", received.plusDays(50).toString()));
		PetitionMother.command(this.staff, first, "review-decision",
				Map.of("decidedOn", received.plusDays(70).toString(), "outcome", "UPHELD", "opinion", "维持"));
		PetitionMother.command(this.staff, first, "review", Map.of("requestedOn", received.plusDays(90).toString()));
		TestHttp officer = new TestHttp(this.client).as(TestTokens.officer("olga", TOWNSHIP));
		assertThat(
				officer
					.post(PetitionMother.BASE + "/" + first + "/review-decision",
							Map.of("decidedOn", received.plusDays(100).toString(), "outcome", "UPHELD", "opinion",
									"维持"))
					.status())
			.as("review decisions are recorded by centre staff")
			.isEqualTo(403);
		PetitionMother.command(this.staff, first, "review-decision",
				Map.of("decidedOn", received.plusDays(100).toString(), "outcome", "UPHELD", "opinion", "维持"));

		Map<String, Object> again = PetitionMother.petition(this.today.minusDays(3), 2, TOWNSHIP);
		again.put("repeatOf", first);
		String repeat = PetitionMother.register(this.staff, again).at("/id");
		TestHttp.Response accept = this.staff.post(PetitionMother.BASE + "/" + repeat + "/accept",
				Map.of("acceptedOn", this.today.toString()));
		assertThat(accept.status()).isEqualTo(409);
		assertThat(accept.at("/type")).isEqualTo("/problems/matter-finally-decided");
		PetitionMother.command(this.staff, repeat, "reject",
				Map.of("decidedOn", this.today.toString(), "reason", "同一事实和理由已经复核，不再受理"));
		TestHttp.Response review = this.staff.post(PetitionMother.BASE + "/" + first + "/review",
				Map.of("requestedOn", this.today.toString()));
		assertThat(review.status()).isEqualTo(409);
		assertThat(review.at("/type")).isEqualTo("/problems/finally-decided");
	}

	private long outboxRows(String id) {
		return this.jdbc.sql("select count(*) from outbox_event where aggregate_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

}
