package cn.resettlement.population.events;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.resettlement.platform.events.CloudEvent;
import cn.resettlement.platform.events.CloudEventDeserializer;
import cn.resettlement.platform.events.Inbox;
import cn.resettlement.platform.events.Outbox;
import cn.resettlement.population.PopulationMother;
import cn.resettlement.population.migrant.MigrantCategory;
import cn.resettlement.population.migrant.MigrantCorrected;
import cn.resettlement.testsupport.OwnBroker;
import cn.resettlement.testsupport.OwnBrokerIntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka is killed while writes happen: the writes succeed, their events wait in the
 * outbox and all arrive once the broker is back; a rolled-back write produces nothing; a
 * consumer that sees everything twice applies each event once.
 */
@OwnBrokerIntegrationTest
class KafkaOutageIntegrationTests {

	private static TopicRecorder topic;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Inbox inbox;

	@BeforeAll
	static void recordTopic() {
		topic = TopicRecorder.record(OwnBroker.broker().bootstrapServers(), "resettlement.population.v1");
	}

	@AfterAll
	static void stopRecording() {
		topic.close();
	}

	@Test
	void committedWritesReachTheTopicAfterAnOutageAndRolledBackOnesNever() {
		TestHttp staff = new TestHttp(this.client).as(TestTokens.staff("alice"));
		String before = PopulationMother.registerHousehold(staff, PopulationMother.TOWNSHIP, LocalDate.of(2001, 5, 1));
		topic.awaitEvent("HouseholdRegistered", (e) -> e.get("subject").asString().equals(before));

		OwnBroker.broker().kill();
		List<String> written = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			written.add(PopulationMother.registerMigrant(staff, PopulationMother.TOWNSHIP, LocalDate.of(2001, 5, 1))
				.at("/id"));
		}
		UUID rolledBack = UUID.randomUUID();
		this.transactions.executeWithoutResult((status) -> {
			this.outbox.append(new MigrantCorrected(rolledBack, "430582198001011235", null, "x", UUID.randomUUID(),
					"430582101", MigrantCategory.ORIGINAL, LocalDate.of(2006, 7, 1), LocalDate.of(2026, 6, 30),
					List.of("name")));
			status.setRollbackOnly();
		});
		assertThat(this.jdbc.sql("select count(*) from outbox_event where aggregate_id = ?")
			.param(rolledBack.toString())
			.query(Long.class)
			.single()).isZero();
		await().untilAsserted(
				() -> assertThat(this.jdbc.sql("select count(*) from outbox_event where published_at is null")
					.query(Long.class)
					.single()).as("events wait in the outbox").isGreaterThanOrEqualTo(10));

		OwnBroker.broker().startAgain();
		for (String migrant : written) {
			topic.awaitEvent("MigrantRegistered", (e) -> e.get("subject").asString().equals(migrant));
		}
		await().untilAsserted(
				() -> assertThat(this.jdbc.sql("select count(*) from outbox_event where published_at is null")
					.query(Long.class)
					.single()).isZero());
		assertThat(topic.all()).noneMatch((m) -> m.key().equals(rolledBack.toString()));
		topic.assertAllValid();

		Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();
		CloudEventDeserializer deserializer = new CloudEventDeserializer();
		for (int pass = 0; pass < 2; pass++) {
			for (TopicRecorder.Received message : topic.all()) {
				CloudEvent event = deserializer.deserialize(message.event().get("type").asString(),
						message.value().getBytes(StandardCharsets.UTF_8));
				this.inbox.apply(event,
						(e) -> applied.computeIfAbsent(e.id(), (id) -> new AtomicInteger()).incrementAndGet());
			}
		}
		assertThat(applied)
			.hasSize((int) topic.all().stream().map((m) -> m.event().get("id").asString()).distinct().count());
		assertThat(applied.values()).allSatisfy((count) -> assertThat(count.get()).isEqualTo(1));
	}

}
