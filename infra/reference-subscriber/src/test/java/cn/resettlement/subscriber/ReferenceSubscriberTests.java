package cn.resettlement.subscriber;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reference subscriber against a real (in-JVM KRaft) broker: valid events come out
 * once, duplicates and invalid messages do not, a restart remembers what was processed,
 * and {@code --from} starts at a date.
 */
class ReferenceSubscriberTests {

	private static final String POPULATION = "resettlement.population.v1";

	private static final String SUBSIDY = "resettlement.subsidy.v1";

	/** A topic of its own for the replay-from-a-date test. */
	private static final String REPLAY = "resettlement.replaytest.v1";

	/** A topic of its own for the kcat test. */
	private static final String KCAT = "resettlement.kcattest.v1";

	private static final String HOUSEHOLD = """
			{"specversion":"1.0","id":"%s","source":"/resettlement/430582/population-service",
			 "type":"resettlement.population.HouseholdRegistered.v1","subject":"%s","time":"2024-03-01T08:30:00Z",
			 "datacontenttype":"application/json",
			 "dataschema":"urn:resettlement:events:population:HouseholdRegistered:v1","unitcode":"430582",
			 "data":{"householdId":"%s","householdNo":"%s","townshipCode":"430582101","village":"三合村",
			   "reservoir":"红旗水库","areaType":"RESERVOIR_AREA","relocatedOn":"2001-05-01"}}""";

	private static final String POLICY = """
			{"specversion":"1.0","id":"%s","source":"/resettlement/430582/subsidy-service",
			 "type":"resettlement.subsidy.SubsidyPolicySet.v1","subject":"2024","time":"2024-03-01T08:30:00Z",
			 "datacontenttype":"application/json","dataschema":"urn:resettlement:events:subsidy:SubsidyPolicySet:v1",
			 "unitcode":"430582","data":{"year":2024,"annualAmountFen":60000,"frequency":"ANNUAL",
			 "periods":["2024"],"periodAmountFen":60000}}""";

	private static EmbeddedKafkaKraftBroker broker;

	private static KafkaProducer<String, String> producer;

	@TempDir
	Path dir;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 3, POPULATION, SUBSIDY, REPLAY, KCAT);
		broker.afterPropertiesSet();
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
				new StringSerializer(), new StringSerializer());
	}

	@AfterAll
	static void stopBroker() {
		producer.close();
		broker.destroy();
	}

	@Test
	void emitsEachValidEventOnceAndReportsDuplicatesAndInvalidMessages() throws Exception {
		String household = UUID.randomUUID().toString();
		String registered = household(UUID.randomUUID().toString(), household);
		String policy = POLICY.formatted(UUID.randomUUID());
		send(POPULATION, household, registered, null);
		send(SUBSIDY, "2024", policy, null);
		send(POPULATION, household, registered, null); // redelivered
		send(POPULATION, household, registered.replace("\"430582101\"", "\"4305821\""), null);
		send(POPULATION, "some-other-key", household(UUID.randomUUID().toString(), household), null);
		send(POPULATION, household, registered.replace("HouseholdRegistered.v1", "HouseholdVanished.v1"), null);
		send(POPULATION, household, "not json", null);

		Run first = run("--group", "province.test-" + UUID.randomUUID(), "--topics", POPULATION + "," + SUBSIDY);
		assertThat(first.events()).extracting((e) -> e.get("type").asString())
			.containsExactlyInAnyOrder("resettlement.population.HouseholdRegistered.v1",
					"resettlement.subsidy.SubsidyPolicySet.v1");
		assertThat(first.summary().duplicates()).isEqualTo(1);
		assertThat(first.summary().invalid()).isEqualTo(4);
		assertThat(first.log()).contains("townshipCode", "is not the subject", "no schema for type", "not JSON");

		Run again = run("--group", "province.test-" + UUID.randomUUID(), "--topics", POPULATION + "," + SUBSIDY);
		assertThat(again.events()).as("ids processed before a restart are not processed again").isEmpty();
		assertThat(again.summary().duplicates()).isEqualTo(3);
	}

	@Test
	void startsFromAnInstantWithOffsetsForTimes() throws Exception {
		String household = UUID.randomUUID().toString();
		Instant cut = Instant.parse("2024-06-01T00:00:00Z");
		String before = UUID.randomUUID().toString();
		String after = UUID.randomUUID().toString();
		send(REPLAY, household, household(before, household), cut.minusSeconds(3600).toEpochMilli());
		send(REPLAY, household, household(after, household), cut.plusSeconds(60).toEpochMilli());

		Run run = run("--group", "province.test-" + UUID.randomUUID(), "--topics", REPLAY, "--from", cut.toString());
		assertThat(run.events()).extracting((e) -> e.get("id").asString()).containsExactly(after);
	}

	/**
	 * The documented kcat command line (Debian's {@code kcat}) prints the same events as
	 * the Java subscriber, each once, keyed by its subject. Skipped where kcat is not
	 * installed, unless {@code REQUIRE_KCAT} is set (CI installs it and sets it).
	 */
	@Test
	void kcatReadsTheSameEventsAsTheJavaSubscriber() throws Exception {
		Path kcat = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map((dir) -> Path.of(dir, "kcat"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
		if (System.getenv("REQUIRE_KCAT") != null) {
			assertThat(kcat).as("kcat on the PATH (REQUIRE_KCAT is set)").isNotNull();
		}
		assumeTrue(kcat != null, "kcat is not installed");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String household = UUID.randomUUID().toString();
			String id = UUID.randomUUID().toString();
			ids.add(id);
			// one line per message, as producers send them
			send(KCAT, household, household(id, household).replace("\n", ""), null);
		}

		Process process = new ProcessBuilder(kcat.toString(), "-C", "-b", broker.getBrokersAsString(), "-t", KCAT, "-o",
				"beginning", "-e", "-q", "-f", "%k %s\\n")
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kcat stops at the end of the topic").isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		List<JsonNode> printed = new ArrayList<>();
		for (String line : output.strip().split("\n")) {
			String key = line.substring(0, line.indexOf(' '));
			JsonNode event = JsonMapper.shared().readTree(line.substring(key.length() + 1));
			assertThat(event.get("subject").asString()).as("key = subject").isEqualTo(key);
			printed.add(event);
		}
		Run java = run("--group", "province.test-" + UUID.randomUUID(), "--topics", KCAT);

		assertThat(printed).extracting((e) -> e.get("id").asString()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(java.events()).extracting((e) -> e.get("id").asString()).containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void parsesTheCommandLine() {
		Settings settings = Settings.parse("--bootstrap-server", "127.0.0.1:9092", "--from", "2024-03-01",
				"--exit-when-idle", "5", "--fail-on-invalid");
		assertThat(settings.client().getProperty("bootstrap.servers")).isEqualTo("127.0.0.1:9092");
		assertThat(settings.from()).isEqualTo(Instant.parse("2024-02-29T16:00:00Z"));
		assertThat(settings.topics()).hasSize(5).allMatch((t) -> t.matches("resettlement\\.[a-z]+\\.v1"));
		assertThat(settings.groupId()).startsWith("province.");
		assertThat(Settings.parse("--bootstrap-server", "b:9092", "--from", "beginning").from()).isEqualTo(Instant.MIN);
	}

	private static String household(String id, String household) {
		return HOUSEHOLD.formatted(id, household, household, "H-" + id.substring(0, 8));
	}

	private static void send(String topic, String key, String value, Long timestamp) throws Exception {
		producer.send(new ProducerRecord<>(topic, null, timestamp, key, value)).get();
	}

	private Run run(String... options) {
		List<String> args = new ArrayList<>(List.of("--bootstrap-server", broker.getBrokersAsString(), "--seen-ids",
				this.dir.resolve("seen-ids.txt").toString(), "--from", "beginning", "--exit-when-idle", "3"));
		args.addAll(List.of(options));
		List<JsonNode> events = new ArrayList<>();
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		ReferenceSubscriber subscriber = new ReferenceSubscriber(Settings.parse(args.toArray(String[]::new)),
				events::add, new PrintStream(log, true, StandardCharsets.UTF_8));
		ReferenceSubscriber.Summary summary = subscriber.run();
		return new Run(events, summary, log.toString(StandardCharsets.UTF_8));
	}

	private record Run(List<JsonNode> events, ReferenceSubscriber.Summary summary, String log) {
	}

}
