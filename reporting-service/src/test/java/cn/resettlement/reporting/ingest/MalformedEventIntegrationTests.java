package cn.resettlement.reporting.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.contracts.EventSchemas;
import cn.resettlement.reporting.fixtures.EventFactory;
import cn.resettlement.reporting.fixtures.Published;
import cn.resettlement.reporting.fixtures.Publisher;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static cn.resettlement.reporting.fixtures.EventFactory.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One bad message never blocks a partition: malformed ones go to the dead-letter topic,
 * unknown types and versions are skipped and counted, the events around them are applied.
 */
@IntegrationTest
class MalformedEventIntegrationTests {

	private static final int YEAR = 2023;

	@Autowired
	RestTestClient client;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	MeterRegistry meters;

	@Test
	void malformedEventsAreDeadLetteredUnknownOnesSkippedAndTheRestApplied() throws Exception {
		String servers = String.join(",", this.kafka.getBootstrapServers());
		String run = UUID.randomUUID().toString();
		String unit = Integer.toString(700_000 + new java.util.Random().nextInt(100_000));
		EventFactory f = new EventFactory(unit, "malformed-" + run);
		// one key: all in one partition, in this order
		String key = f.id("line");
		Published first = paid(f, key, 1);
		String notJson = "{\"specversion\": \"1.0\", this is not JSON " + run;
		Published missingAmount = withoutAmount(paid(f, key, 2));
		Published second = paid(f, key, 3);
		Published newerVersion = new Published(first.topic(), key,
				paid(f, key, 4).value().replace("SubsidyPaid.v1", "SubsidyPaid.v2").replace(":v1\"", ":v2\""));
		Published unknownType = new Published(first.topic(), key,
				paid(f, key, 5).value().replace("SubsidyPaid", "SubsidyRefunded"));
		Published third = paid(f, key, 6);
		Publisher.assertValid(List.of(first, second, third));
		assertThat(EventSchemas.instance().validate(missingAmount.value())).isNotEmpty();
		double skippedBefore = this.meters.counter("events.skipped", "type", "resettlement.subsidy.SubsidyPaid.v2")
			.count();

		List<String> deadLetters = new CopyOnWriteArrayList<>();
		try (KafkaConsumer<String, byte[]> dlt = deadLetterReader(servers);
				Publisher publisher = new Publisher(servers)) {
			publisher.publish(List.of(first));
			publisher.send(first.topic(), key, notJson.getBytes(StandardCharsets.UTF_8));
			publisher.publish(List.of(missingAmount, second, newerVersion, unknownType, third));

			TestHttp staff = new TestHttp(this.client).as(TestTokens.staff("tongji"));
			await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
				JsonNode report = staff.get("/api/v1/reports/" + YEAR + "/performance?unitCode=" + unit).json();
				assertThat(report.at("/subsidy/paidPersons").asInt()).isEqualTo(3);
				assertThat(report.at("/subsidy/paidAmount").decimalValue()).isEqualByComparingTo("1800");
			});
			await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
				for (ConsumerRecord<String, byte[]> record : dlt.poll(Duration.ofMillis(200))) {
					deadLetters.add(new String(record.value(), StandardCharsets.UTF_8));
				}
				assertThat(deadLetters.stream().filter((d) -> d.contains(run) || d.contains(key)))
					.containsExactlyInAnyOrder(notJson, missingAmount.value());
			});
		}
		assertThat(this.meters.counter("events.skipped", "type", "resettlement.subsidy.SubsidyPaid.v2").count())
			.isGreaterThan(skippedBefore);
	}

	private static KafkaConsumer<String, byte[]> deadLetterReader(String servers) {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG,
						"dlt-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"),
				new StringDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(List.of("resettlement.subsidy.v1.dlt"));
		return consumer;
	}

	private static Published paid(EventFactory f, String key, int n) {
		String migrant = f.id("migrant-" + n);
		return f.event("subsidy", "SubsidyPaid", key, LocalDate.of(YEAR, 3, 20),
				data("lineId", key, "batchId", f.id("batch"), "lineRef", "B1-" + n, "migrantId", migrant, "idNumber",
						EventFactory.idNumber(n), "townshipCode", "430582101", "year", YEAR, "period",
						Integer.toString(YEAR), "months", 12, "amountFen", 60000, "paidOn", YEAR + "-03-20",
						"reissueOf", null));
	}

	private static Published withoutAmount(Published event) {
		return new Published(event.topic(), event.key(), event.value().replace("\"amountFen\":60000,", ""));
	}

}
