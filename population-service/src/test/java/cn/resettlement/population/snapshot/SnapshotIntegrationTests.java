package cn.resettlement.population.snapshot;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A late subscriber gets the whole register as snapshots on the compacted snapshot topic;
 * consumers of the live topic see nothing new.
 */
@IntegrationTest
class SnapshotIntegrationTests {

	private static final String LIVE = "resettlement.population.v1";

	private static final String SNAPSHOTS = "resettlement.population.snapshot.v1";

	private static String bootstrap;

	private static Admin admin;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	TestHttp staff;

	TestHttp administrator;

	@BeforeAll
	static void connect(@Autowired KafkaConnectionDetails kafka) {
		bootstrap = String.join(",", kafka.getBootstrapServers());
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
	}

	@AfterAll
	static void disconnect() {
		admin.close();
	}

	@BeforeEach
	void setUp() {
		this.staff = new TestHttp(this.client).as(TestTokens.staff("alice"));
		this.administrator = new TestHttp(this.client).as(TestTokens.admin("root"));
	}

	@Test
	void republishesEveryHouseholdAndMigrantOnTheSnapshotTopicAndNothingOnTheLiveTopic() throws Exception {
		String died = PopulationMother.registerMigrant(this.staff, PopulationMother.TOWNSHIP, LocalDate.of(2001, 5, 1))
			.at("/id");
		assertThat(this.staff
			.post("/api/v1/population/migrants/" + died + "/adjustments",
					PopulationMother.adjustment("DEATH", "2024-02-01", "2024-02-10"))
			.status()).isEqualTo(201);
		String living = PopulationMother
			.registerMigrant(this.staff, PopulationMother.OTHER_TOWNSHIP, LocalDate.of(2010, 5, 17))
			.at("/id");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from outbox_event where published_at is null")
				.query(Long.class)
				.single() == 0);
		Map<TopicPartition, Long> liveBefore = endOffsets(LIVE);
		long outboxBefore = this.jdbc.sql("select count(*) from outbox_event").query(Long.class).single();

		TestHttp.Response accepted = this.administrator.post("/api/v1/population/snapshots", Map.of());
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		String location = accepted.headers().getLocation().toString();
		assertThat(location).startsWith("/api/v1/population/jobs/");
		JsonNode job = awaitJob(location);
		assertThat(job.at("/status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		String snapshotId = job.at("/result/snapshotId").asString();

		Set<String> households = ids("household");
		Set<String> migrants = ids("migrant");
		assertThat(job.at("/result/households").asLong()).isEqualTo(households.size());
		assertThat(job.at("/result/migrants").asLong()).isEqualTo(migrants.size());
		assertThat(job.at("/processed").asLong()).isEqualTo(households.size() + migrants.size());

		try (TopicRecorder snapshots = TopicRecorder.record(bootstrap, SNAPSHOTS)) {
			List<JsonNode> householdSnapshots = snapshots.awaitEvents("HouseholdSnapshot",
					(e) -> e.at("/data/snapshotId").asString().equals(snapshotId), households.size());
			List<JsonNode> migrantSnapshots = snapshots.awaitEvents("MigrantSnapshot",
					(e) -> e.at("/data/snapshotId").asString().equals(snapshotId), migrants.size());
			assertThat(subjects(householdSnapshots)).as("one snapshot per household")
				.hasSize(householdSnapshots.size())
				.isEqualTo(households);
			assertThat(subjects(migrantSnapshots)).as("one snapshot per migrant")
				.hasSize(migrantSnapshots.size())
				.isEqualTo(migrants);
			snapshots.assertAllValid();

			JsonNode dead = only(migrantSnapshots, died);
			assertThat(dead.at("/data/status").asString()).isEqualTo("REMOVED");
			assertThat(dead.at("/data/statusEffectiveDate").asString()).isEqualTo("2024-02-01");
			assertThat(dead.at("/data/version").asLong()).isEqualTo(1);
			assertThat(dead.at("/data").has("cardAccount")).as("card accounts never travel").isFalse();
			assertThat(dead.at("/data").has("phone")).isFalse();
			JsonNode alive = only(migrantSnapshots, living);
			assertThat(alive.at("/data/status").asString()).isEqualTo("ACTIVE");
			assertThat(alive.at("/data/statusEffectiveDate").isNull()).isTrue();
			assertThat(alive.at("/data/category").asString()).isEqualTo("NEW");
			JsonNode household = only(householdSnapshots, dead.at("/data/householdId").asString());
			assertThat(household.at("/data/migrants").asLong()).isEqualTo(1);
			assertThat(household.at("/data/activeMigrants").asLong()).isZero();
			assertThat(household.at("/data/takenAt").asString()).isEqualTo(job.at("/result/takenAt").asString());
		}

		assertThat(endOffsets(LIVE)).as("the live topic got nothing").isEqualTo(liveBefore);
		assertThat(this.jdbc.sql("select count(*) from outbox_event").query(Long.class).single())
			.as("nothing went through the outbox")
			.isEqualTo(outboxBefore);
		ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, SNAPSHOTS);
		assertThat(admin.describeConfigs(List.of(topic))
			.all()
			.get()
			.get(topic)
			.get(TopicConfig.CLEANUP_POLICY_CONFIG)
			.value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
		TopicDescription description = admin.describeTopics(List.of(SNAPSHOTS)).allTopicNames().get().get(SNAPSHOTS);
		assertThat(description.partitions()).hasSize(12);
	}

	@Test
	void onlyAnAdministratorMayStartASnapshot() {
		assertThat(this.staff.post("/api/v1/population/snapshots", Map.of()).status()).isEqualTo(403);
		TestHttp officer = new TestHttp(this.client).as(TestTokens.officer("olga", PopulationMother.TOWNSHIP));
		assertThat(officer.post("/api/v1/population/snapshots", Map.of()).status()).isEqualTo(403);
		assertThat(this.jdbc.sql(
				"select count(*) from platform_job where type = 'population.snapshot' and created_by in ('alice', 'olga')")
			.query(Long.class)
			.single()).isZero();
	}

	private JsonNode awaitJob(String location) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			String status = this.administrator.get(location).at("/status");
			return status.equals("SUCCEEDED") || status.equals("FAILED");
		});
		return this.administrator.get(location).json();
	}

	private Set<String> ids(String table) {
		return new HashSet<>(this.jdbc.sql("select id::text from " + table).query(String.class).list());
	}

	private static Set<String> subjects(List<JsonNode> events) {
		return events.stream().map((e) -> e.get("subject").asString()).collect(Collectors.toSet());
	}

	private static JsonNode only(List<JsonNode> events, String subject) {
		List<JsonNode> found = events.stream().filter((e) -> e.get("subject").asString().equals(subject)).toList();
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
		TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
		Map<TopicPartition, OffsetSpec> request = description.partitions()
			.stream()
			.collect(Collectors.toMap((p) -> new TopicPartition(topic, p.partition()), (p) -> OffsetSpec.latest()));
		return admin.listOffsets(request)
			.all()
			.get()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().offset()));
	}

}
