package cn.resettlement.reporting.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.reporting.fixtures.EventFactory;
import cn.resettlement.reporting.fixtures.Figures;
import cn.resettlement.reporting.fixtures.Published;
import cn.resettlement.reporting.fixtures.Publisher;
import cn.resettlement.reporting.fixtures.ReferenceYear;
import cn.resettlement.reporting.fixtures.SmallYear;
import cn.resettlement.reporting.fixtures.YearEvents;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery is at least once and in no particular order across topics and partitions:
 * neither may change the report.
 */
@IntegrationTest
class DeliveryIntegrationTests {

	/** Types no figure is counted from: the inbox does not record them. */
	private static final Set<String> NOT_COUNTED = Set.of("HouseholdRegistered", "SubsidyBatchApproved",
			"TrainingClassOpened", "TraineeEnrolled", "PetitionReplied");

	@Autowired
	RestTestClient client;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	MeterRegistry meters;

	TestHttp staff;

	@BeforeEach
	void setUp() {
		this.staff = new TestHttp(this.client).as(TestTokens.staff("tongji"));
	}

	@Test
	void everyEventDeliveredTwiceLeavesTheReportAsItWas() {
		ReferenceYear.ensurePublished(this.kafka, new TestHttp(this.client).as(TestTokens.admin("zhuren")));
		JsonNode before = Figures.of(this.staff.get(ReferenceYear.PERFORMANCE + "?view=live").json());
		List<Published> events = ReferenceYear.events();
		long counted = events.stream().filter((e) -> !NOT_COUNTED.contains(name(e))).count();
		double duplicatesBefore = duplicates();

		try (Publisher publisher = new Publisher(this.kafka)) {
			publisher.publish(events);
		}

		await().atMost(Duration.ofMinutes(3))
			.untilAsserted(() -> assertThat(duplicates() - duplicatesBefore).isGreaterThanOrEqualTo(counted));
		JsonNode after = Figures.of(this.staff.get(ReferenceYear.PERFORMANCE + "?view=live").json());
		assertThat(after).isEqualTo(before);
	}

	@Test
	void eventsInAnyOrderAcrossTopicsAndPartitionsGiveTheSameReport() {
		Random random = new Random(20240101);
		String inOrder = unit(random);
		String shuffledUnit = unit(random);
		int year = 2022;
		List<Published> ordered = YearEvents.generate(new EventFactory(inOrder, "order"), year, YearEvents.Shape.SMALL);
		List<Published> shuffled = new ArrayList<>(
				YearEvents.generate(new EventFactory(shuffledUnit, "order"), year, YearEvents.Shape.SMALL));
		Publisher.assertValid(ordered);
		Publisher.assertValid(shuffled);
		// every event of the second unit in a random order: across topics, and even
		// within
		// an aggregate, which Kafka itself would not do
		Collections.shuffle(shuffled, random);

		try (Publisher publisher = new Publisher(this.kafka)) {
			publisher.publish(shuffled);
			publisher.publish(ordered);
		}

		String uri = "/api/v1/reports/" + year + "/performance?view=live&unitCode=";
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
			JsonNode a = this.staff.get(uri + inOrder).json();
			JsonNode b = this.staff.get(uri + shuffledUnit).json();
			SmallYear.assertFigures(a);
			assertThat(Figures.of(b)).isEqualTo(Figures.of(a));
		});
	}

	private double duplicates() {
		return this.meters.counter("events.duplicates").count();
	}

	private static String name(Published event) {
		String type = event.value().substring(event.value().indexOf("\"type\":\"") + 8);
		type = type.substring(0, type.indexOf('"'));
		return type.split("\\.")[2];
	}

	private static String unit(Random random) {
		return Integer.toString(600_000 + random.nextInt(300_000));
	}

}
