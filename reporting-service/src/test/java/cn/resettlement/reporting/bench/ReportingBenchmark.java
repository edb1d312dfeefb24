package cn.resettlement.reporting.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.contracts.EventSchemas;
import cn.resettlement.platform.jobs.JobView;
import cn.resettlement.platform.jobs.Jobs;
import cn.resettlement.reporting.ingest.ListenerIds;
import cn.resettlement.reporting.ingest.Topics;
import cn.resettlement.reporting.rebuild.Rebuild;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (surefire does not pick it up by name): run it with
 * {@code infra/bench/reporting/run.sh}. Against the module's test infrastructure (local
 * PostgreSQL, in-JVM Kafka) it publishes {@code bench.events} schema-valid events (half
 * of them SubsidyPaid of one year, so a year with {@code bench.events / 2} payments),
 * then measures: the raw produce and consume rates (anchors), the live listener's apply
 * rate from a standing start, a rebuild from the topics, and the report JSON, DOCX and
 * PDF response times. Writes target/bench/reporting.json.
 */
@IntegrationTest
class ReportingBenchmark {

	private static final String UNIT = "430582";

	private static final int YEAR = 2031;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Rebuild rebuild;

	@Autowired
	Jobs jobs;

	@Autowired
	RestTestClient client;

	@Test
	void measure() throws Exception {
		long events = Long.getLong("bench.events", 1_000_000L);
		boolean runRebuild = Boolean.parseBoolean(System.getProperty("bench.rebuild", "true"));
		String servers = String.join(",", this.kafka.getBootstrapServers());
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("events", events);
		result.put("paymentsInYear", events / 2);
		result.put("cores", Runtime.getRuntime().availableProcessors());
		result.put("startedAt", Instant.now().toString());

		this.listeners.getListenerContainer(ListenerIds.LIVE).stop();
		long t0 = System.nanoTime();
		long produced = produce(servers, events);
		double produceSeconds = seconds(t0);
		result.put("produce", rate(produced, produceSeconds));
		System.out.printf("BENCH produced %d events in %.1f s%n", produced, produceSeconds);

		t0 = System.nanoTime();
		long read = consumeRaw(servers);
		result.put("rawConsume", rate(read, seconds(t0)));
		System.out.printf("BENCH raw consumer read %d in %.1f s%n", read, seconds(t0));

		long before = applied();
		t0 = System.nanoTime();
		this.listeners.getListenerContainer(ListenerIds.LIVE).start();
		List<Double> intervals = new ArrayList<>();
		long last = before;
		long lastAt = System.nanoTime();
		while (applied() - before < read) {
			Thread.sleep(1000);
			long now = applied();
			if (System.nanoTime() - lastAt >= 10_000_000_000L) {
				intervals.add((now - last) / seconds(lastAt));
				last = now;
				lastAt = System.nanoTime();
			}
		}
		double applySeconds = seconds(t0);
		Map<String, Object> apply = rate(read, applySeconds);
		apply.put("tenSecondWindows", intervals.stream().map((r) -> Math.round(r)).toList());
		result.put("liveApply", apply);
		System.out.printf("BENCH live apply %d in %.1f s = %.0f/s%n", read, applySeconds, read / applySeconds);

		result.put("reportJsonMs", timings("/api/v1/reports/" + YEAR + "/performance?view=live", 20, 3));
		result.put("docxMs", timings("/api/v1/reports/" + YEAR + "/performance.docx?view=live", 5, 1));
		result.put("pdfMs", timings("/api/v1/reports/" + YEAR + "/performance.pdf?view=live", 5, 1));
		String report = new TestHttp(this.client).as(TestTokens.admin("bench"))
			.get("/api/v1/reports/" + YEAR + "/performance?view=live")
			.body();
		assertThat(JSON.readTree(report).at("/subsidy/paidPersons").asLong()).isEqualTo(events / 2);

		if (runRebuild) {
			t0 = System.nanoTime();
			JobView job = this.rebuild.start();
			JobView done = awaitJob(job);
			double rebuildSeconds = seconds(t0);
			assertThat(done.status()).as(String.valueOf(done.message())).isEqualTo(JobView.JobStatus.SUCCEEDED);
			Map<String, Object> rebuilt = rate(done.processed(), rebuildSeconds);
			rebuilt.put("extrapolatedMinutesFor10M",
					Math.round(10_000_000 / (done.processed() / rebuildSeconds) / 6) / 10.0);
			result.put("rebuild", rebuilt);
			System.out.printf("BENCH rebuild %d in %.1f s%n", done.processed(), rebuildSeconds);
			String after = new TestHttp(this.client).as(TestTokens.admin("bench"))
				.get("/api/v1/reports/" + YEAR + "/performance?view=live")
				.body();
			assertThat(strip(after)).isEqualTo(strip(report));
		}
		result.put("finishedAt", Instant.now().toString());
		Path out = Path.of("target", "bench", "reporting.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
		System.out.println("BENCH result " + JSON.writeValueAsString(result));
	}

	private long applied() {
		Long sum = this.jdbc.sql("select coalesce(sum(events), 0) from rm_partition_progress")
			.query(Long.class)
			.single();
		return sum;
	}

	private JobView awaitJob(JobView job) throws InterruptedException {
		while (true) {
			JobView now = this.jobs.find(job.id()).orElseThrow();
			if (now.status() == JobView.JobStatus.SUCCEEDED || now.status() == JobView.JobStatus.FAILED) {
				return now;
			}
			Thread.sleep(1000);
		}
	}

	private Map<String, Object> timings(String uri, int runs, int warmUp) {
		TestHttp admin = new TestHttp(this.client).as(TestTokens.admin("bench"));
		for (int i = 0; i < warmUp; i++) {
			assertThat(admin.get(uri).status()).isEqualTo(200);
		}
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			assertThat(admin.download(uri)).isNotEmpty();
			millis.add((System.nanoTime() - t) / 1_000_000);
		}
		Collections.sort(millis);
		Map<String, Object> timing = new LinkedHashMap<>();
		timing.put("median", millis.get(millis.size() / 2));
		timing.put("p95", millis.get((int) Math.ceil(millis.size() * 0.95) - 1));
		timing.put("max", millis.get(millis.size() - 1));
		return timing;
	}

	/** Streams the events to the topics as the relays do (acks=all, idempotent). */
	private long produce(String servers, long events) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
				ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4", ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
		BenchEvents source = new BenchEvents(UNIT, YEAR);
		source.samples().forEach((sample) -> assertThat(EventSchemas.instance().validate(sample)).as(sample).isEmpty());
		byte[] contentType = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			for (long i = 0; i < events; i++) {
				BenchEvents.Event event = source.event(i, events);
				ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.json());
				record.headers().add(new RecordHeader("content-type", contentType));
				producer.send(record);
			}
			producer.flush();
		}
		return events;
	}

	/** How fast a plain consumer reads everything back: the anchor for the apply rate. */
	private long consumeRaw(String servers) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG,
						"bench-raw-" + UUID.randomUUID(), ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : Topics.ALL) {
				for (PartitionInfo info : consumer.partitionsFor(topic)) {
					partitions.add(new TopicPartition(topic, info.partition()));
				}
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			long total = ends.values().stream().mapToLong(Long::longValue).sum();
			long read = 0;
			while (read < total) {
				read += consumer.poll(Duration.ofMillis(500)).count();
			}
			return read;
		}
	}

	private static String strip(String report) {
		var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(report);
		node.remove("generatedAt");
		node.remove("lastEventAt");
		node.remove("consumerLag");
		node.remove("freshness");
		return node.toString();
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static Map<String, Object> rate(long count, double seconds) {
		Map<String, Object> rate = new LinkedHashMap<>();
		rate.put("count", count);
		rate.put("seconds", Math.round(seconds * 10) / 10.0);
		rate.put("perSecond", Math.round(count / seconds));
		return rate;
	}

}
