package cn.resettlement.reporting.report;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.reporting.fixtures.EventFactory;
import cn.resettlement.reporting.fixtures.Published;
import cn.resettlement.reporting.fixtures.Publisher;
import cn.resettlement.reporting.fixtures.SmallYear;
import cn.resettlement.reporting.fixtures.YearEvents;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static cn.resettlement.reporting.fixtures.EventFactory.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing a year freezes its report as submitted; a late event shows as a difference
 * against the submitted version and changes it only when the year is closed again.
 */
@IntegrationTest
class YearCloseIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	KafkaConnectionDetails kafka;

	@Test
	void aClosedYearKeepsItsSubmittedFiguresAndShowsLateEventsAsDifferences() {
		// a year of its own, so that runs against a shared broker do not meet
		int year = 2030 + new java.util.Random().nextInt(60);
		String base = "/api/v1/reports/" + year;
		TestHttp admin = new TestHttp(this.client).as(TestTokens.admin("zhuren"));
		EventFactory f = new EventFactory("430582", "close-" + UUID.randomUUID());
		List<Published> events = YearEvents.generate(f, year, YearEvents.Shape.SMALL);
		Publisher.assertValid(events);
		try (Publisher publisher = new Publisher(this.kafka)) {
			publisher.publish(events);
		}
		await().atMost(Duration.ofMinutes(1))
			.untilAsserted(() -> SmallYear.assertFlows(admin.get(base + "/performance").json()));

		assertThat(new TestHttp(this.client).as(TestTokens.staff("tongji")).post(base + "/close", null).status())
			.isEqualTo(403);
		TestHttp.Response closed = admin.post(base + "/close", null, Map.of("Idempotency-Key", "close-" + year));
		assertThat(closed.status()).as(closed.toString()).isEqualTo(201);
		assertThat(closed.headers().getLocation().toString()).endsWith(base + "/snapshots/1");
		assertThat(closed.at("/closedBy")).isEqualTo("zhuren");
		assertThat(admin.post(base + "/close", null, Map.of("Idempotency-Key", "close-" + year)).at("/version"))
			.as("the same key closes once")
			.isEqualTo("1");
		JsonNode submitted = admin.get(base + "/performance").json();
		assertThat(submitted.at("/submission/version").asInt()).isEqualTo(1);
		assertThat(submitted.at("/lateChanges")).isEmpty();

		// a late payment of the closed year, and a late petition
		Published latePayment = f.event("subsidy", "SubsidyPaid", f.id("late-line"), LocalDate.of(year + 1, 2, 1),
				data("lineId", f.id("late-line"), "batchId", f.id("late-batch"), "lineRef", "B9-1", "migrantId",
						f.id("late-migrant"), "idNumber", EventFactory.idNumber(9999), "townshipCode", "430582101",
						"year", year, "period", Integer.toString(year), "months", 12, "amountFen", 60000, "paidOn",
						(year + 1) + "-02-01", "reissueOf", null));
		Publisher.assertValid(List.of(latePayment));
		try (Publisher publisher = new Publisher(this.kafka)) {
			publisher.publish(List.of(latePayment));
		}
		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
			JsonNode report = admin.get(base + "/performance").json();
			assertThat(report.at("/subsidy/paidPersons").asInt()).as("as submitted").isEqualTo(204);
			assertThat(report.at("/lateChanges").toString())
				.contains("{\"metric\":\"subsidy.paidPersons\",\"submitted\":204,\"current\":205,\"difference\":1}");
		});
		assertThat(admin.get(base + "/performance?view=live").json().at("/subsidy/paidPersons").asInt()).isEqualTo(205);
		String markdown = admin.get(base + "/performance.md").body();
		assertThat(markdown).contains("第1版报送稿", "附：报送后新增数据与报送稿的差异", "subsidy.paidPersons");

		TestHttp.Response again = admin.post(base + "/close", null);
		assertThat(again.at("/version")).isEqualTo("2");
		JsonNode resubmitted = admin.get(base + "/performance").json();
		assertThat(resubmitted.at("/subsidy/paidPersons").asInt()).isEqualTo(205);
		assertThat(resubmitted.at("/lateChanges")).isEmpty();
		assertThat(admin.get(base + "/snapshots").json()).hasSize(2);
		assertThat(admin.get(base + "/snapshots/1").json().at("/subsidy/paidPersons").asInt()).isEqualTo(204);
		assertThat(admin.get(base + "/snapshots/3").status()).isEqualTo(404);
	}

}
