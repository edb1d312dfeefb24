package cn.resettlement.subscriber;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.resettlement.contracts.EventSchemas;

/**
 * A reference subscriber of the platform's topics, written as an outside system would
 * write one: a plain Kafka consumer that validates every message against the published
 * JSON Schemas (the event-contracts jar), checks that the key is the subject, and
 * processes each CloudEvents {@code id} once. Delivery is at-least-once, so the ids
 * already processed are kept in a file that is forced to disk before the offsets are
 * committed. Invalid messages are reported and skipped, never retried forever.
 */
public final class ReferenceSubscriber {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Settings settings;

	private final Consumer<JsonNode> sink;

	private final PrintStream log;

	private volatile boolean running = true;

	private KafkaConsumer<String, String> consumer;

	ReferenceSubscriber(Settings settings, Consumer<JsonNode> sink, PrintStream log) {
		this.settings = settings;
		this.sink = sink;
		this.log = log;
	}

	public static void main(String[] args) {
		Settings settings;
		try {
			settings = Settings.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
		ReferenceSubscriber subscriber = new ReferenceSubscriber(settings, (event) -> out.println(event.toString()),
				System.err);
		Thread main = Thread.currentThread();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			subscriber.stop();
			try {
				main.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		Summary summary = subscriber.run();
		System.err.println(summary);
		if (settings.failOnInvalid() && summary.invalid() > 0) {
			System.exit(1);
		}
	}

	/** Stops the subscriber from another thread. */
	void stop() {
		this.running = false;
		KafkaConsumer<String, String> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
	}

	/** Reads until stopped (or idle for {@link Settings#exitWhenIdle()}). */
	Summary run() {
		Summary summary = new Summary();
		Properties config = new Properties();
		config.putAll(this.settings.client());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, this.settings.groupId());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, this.settings.groupId());
		try (SeenIds seen = new SeenIds(this.settings.seenIds());
				KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config, new StringDeserializer(),
						new StringDeserializer())) {
			this.consumer = kafka;
			kafka.subscribe(this.settings.topics(), new StartingPosition(kafka, this.settings.from()));
			// idle time counts from the first assignment (joining a group takes seconds)
			Instant lastMessage = null;
			Instant started = Instant.now();
			while (this.running) {
				ConsumerRecords<String, String> records = kafka.poll(Duration.ofMillis(500));
				for (ConsumerRecord<String, String> record : records) {
					handle(record, seen, summary);
				}
				Instant now = Instant.now();
				if (!records.isEmpty()) {
					seen.flush();
					kafka.commitSync();
					lastMessage = now;
				}
				else if (lastMessage == null && !kafka.assignment().isEmpty()) {
					lastMessage = now;
				}
				if (this.settings.exitWhenIdle() != null && idle(now, lastMessage, started)) {
					break;
				}
			}
		}
		catch (WakeupException ex) {
			// stopped
		}
		finally {
			this.consumer = null;
		}
		return summary;
	}

	private boolean idle(Instant now, Instant lastMessage, Instant started) {
		if (lastMessage == null) {
			// never assigned a partition (no such topic, no access): give up after a
			// minute
			return now.isAfter(started.plus(this.settings.exitWhenIdle()).plusSeconds(60));
		}
		return now.isAfter(lastMessage.plus(this.settings.exitWhenIdle()));
	}

	private void handle(ConsumerRecord<String, String> record, SeenIds seen, Summary summary) {
		summary.read++;
		String where = record.topic() + "-" + record.partition() + "@" + record.offset();
		if (record.value() == null) {
			invalid(summary, where, List.of("no value"));
			return;
		}
		List<String> violations = new ArrayList<>(EventSchemas.instance().validate(record.value()));
		JsonNode event = null;
		if (violations.isEmpty()) {
			try {
				event = JSON.readTree(record.value());
			}
			catch (JacksonException ex) {
				violations.add("not JSON: " + ex.getOriginalMessage());
			}
		}
		if (event != null && !event.get("subject").asString().equals(record.key())) {
			violations.add("key " + record.key() + " is not the subject " + event.get("subject").asString());
		}
		if (!violations.isEmpty()) {
			invalid(summary, where, violations);
			return;
		}
		String id = event.get("id").asString();
		if (!seen.add(id)) {
			summary.duplicates++;
			this.log.println("duplicate " + id + " at " + where + " skipped");
			return;
		}
		summary.valid++;
		summary.byType.merge(event.get("type").asString(), 1L, Long::sum);
		this.sink.accept(event);
	}

	private void invalid(Summary summary, String where, List<String> violations) {
		summary.invalid++;
		this.log.println("invalid message at " + where + ": " + violations);
	}

	/**
	 * Puts a partition at the requested start the first time it is assigned: the
	 * beginning, or the first offset at or after an instant ({@code offsetsForTimes}).
	 */
	private static final class StartingPosition implements ConsumerRebalanceListener {

		private final KafkaConsumer<String, String> consumer;

		private final Instant from;

		private final Set<TopicPartition> positioned = new HashSet<>();

		StartingPosition(KafkaConsumer<String, String> consumer, Instant from) {
			this.consumer = consumer;
			this.from = from;
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			if (this.from == null) {
				return;
			}
			List<TopicPartition> fresh = partitions.stream().filter(this.positioned::add).toList();
			if (fresh.isEmpty()) {
				return;
			}
			if (this.from.equals(Instant.MIN)) {
				this.consumer.seekToBeginning(fresh);
				return;
			}
			Map<TopicPartition, Long> times = new HashMap<>();
			fresh.forEach((p) -> times.put(p, this.from.toEpochMilli()));
			Map<TopicPartition, OffsetAndTimestamp> offsets = this.consumer.offsetsForTimes(times);
			List<TopicPartition> nothingLater = new ArrayList<>();
			offsets.forEach((partition, offset) -> {
				if (offset == null) {
					nothingLater.add(partition);
				}
				else {
					this.consumer.seek(partition, offset.offset());
				}
			});
			this.consumer.seekToEnd(nothingLater);
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		}

	}

	/** What a run saw. */
	static final class Summary {

		long read;

		long valid;

		long duplicates;

		long invalid;

		final Map<String, Long> byType = new TreeMap<>();

		long read() {
			return this.read;
		}

		long valid() {
			return this.valid;
		}

		long duplicates() {
			return this.duplicates;
		}

		long invalid() {
			return this.invalid;
		}

		Map<String, Long> byType() {
			return this.byType;
		}

		@Override
		public String toString() {
			return "summary: read " + this.read + ", valid " + this.valid + ", duplicates " + this.duplicates
					+ ", invalid " + this.invalid + " " + this.byType;
		}

	}

}
