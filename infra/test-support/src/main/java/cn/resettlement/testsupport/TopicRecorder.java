package cn.resettlement.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.resettlement.contracts.EventSchemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from the beginning with a plain Kafka consumer, as an outside subscriber
 * would, and keeps every message for assertions. Close it at the end of the test class.
 */
public final class TopicRecorder implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KafkaConsumer<String, String> consumer;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Thread thread;

	private volatile boolean running = true;

	private TopicRecorder(String bootstrapServers, String topic) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
				ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"), new StringDeserializer(), new StringDeserializer());
		this.consumer.subscribe(List.of(topic));
		this.thread = new Thread(this::poll, "recorder-" + topic);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	public static TopicRecorder record(String bootstrapServers, String topic) {
		return new TopicRecorder(bootstrapServers, topic);
	}

	private void poll() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(200))) {
					this.received.add(new Received(record.key(), record.value(), JSON.readTree(record.value()),
							record.partition(), record.offset()));
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close();
		}
	}

	/** Every message received so far. */
	public List<Received> all() {
		return List.copyOf(this.received);
	}

	/** Messages of one event name (e.g. {@code MigrantRegistered}) received so far. */
	public List<JsonNode> events(String name) {
		return this.received.stream()
			.map(Received::event)
			.filter((e) -> e.path("type").asString("").matches("resettlement\\.[a-z]+\\." + name + "\\.v[0-9]+"))
			.toList();
	}

	/**
	 * Waits until an event of this name matching the predicate arrives, and returns it.
	 */
	public JsonNode awaitEvent(String name, Predicate<JsonNode> matching) {
		List<JsonNode> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			found.clear();
			found.addAll(events(name).stream().filter(matching).toList());
			assertThat(found).as("%s event", name).isNotEmpty();
		});
		return found.get(0);
	}

	/** Waits until at least {@code count} events of this name match. */
	public List<JsonNode> awaitEvents(String name, Predicate<JsonNode> matching, int count) {
		List<JsonNode> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			found.clear();
			found.addAll(events(name).stream().filter(matching).toList());
			assertThat(found).as("%s events", name).hasSizeGreaterThanOrEqualTo(count);
		});
		return found;
	}

	/**
	 * Asserts that every message received is a schema-valid CloudEvent keyed by its
	 * subject.
	 */
	public void assertAllValid() {
		for (Received message : this.received) {
			assertThat(EventSchemas.instance().validate(message.value())).as(message.value()).isEmpty();
			assertThat(message.key()).isEqualTo(message.event().get("subject").asString());
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One message as it was on the topic. */
	public record Received(String key, String value, JsonNode event, int partition, long offset) {
	}

}
