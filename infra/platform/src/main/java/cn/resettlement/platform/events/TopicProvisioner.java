package cn.resettlement.platform.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import cn.resettlement.platform.config.PlatformProperties;

/**
 * Creates this service's topic and the dead-letter topics of what it consumes, with the
 * configured partitions and replication. Done lazily, so a service starts (and accepts
 * writes into its outbox) while Kafka is down.
 */
public class TopicProvisioner {

	private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

	private final KafkaAdmin admin;

	private final List<NewTopic> topics;

	private volatile boolean done;

	public TopicProvisioner(KafkaAdmin admin, PlatformProperties properties, List<String> consumedTopics) {
		this.admin = admin;
		PlatformProperties.Events events = properties.events();
		List<String> names = new ArrayList<>();
		if (events.topic() != null) {
			names.add(events.topic());
		}
		names.addAll(consumedTopics);
		List<NewTopic> topics = new ArrayList<NewTopic>(names.stream()
			.distinct()
			.map((name) -> TopicBuilder.name(name)
				.partitions(events.partitions())
				.replicas(events.replicationFactor())
				.config("retention.ms", String.valueOf(events.retention()))
				.build())
			.toList());
		// dead letters are for operators: kept 30 days
		consumedTopics.stream()
			.distinct()
			.forEach((topic) -> topics.add(TopicBuilder.name(topic + ".dlt")
				.partitions(events.partitions())
				.replicas(events.replicationFactor())
				.config("retention.ms", String.valueOf(30L * 24 * 3600 * 1000))
				.build()));
		this.topics = List.copyOf(topics);
		this.done = !events.createTopics() || this.topics.isEmpty();
	}

	/** Creates missing topics once; throws while Kafka is unreachable. */
	public void ensure() {
		if (this.done) {
			return;
		}
		synchronized (this) {
			if (!this.done) {
				this.admin.createOrModifyTopics(this.topics.toArray(NewTopic[]::new));
				awaitLeaders(this.admin, this.topics.stream().map(NewTopic::name).toList(), Duration.ofSeconds(30));
				this.done = true;
				log.info("Topics ready: {}", this.topics.stream().map(NewTopic::name).toList());
			}
		}
	}

	public boolean isDone() {
		return this.done;
	}

	/**
	 * Waits (at most {@code max}) until every partition of the topics has a leader. A
	 * topic just created has none for a moment; an idempotent producer that sends then
	 * can be told NOT_LEADER for a batch the broker kept, and retry it into
	 * OUT_OF_ORDER_SEQUENCE until its delivery timeout (seen in CI with a new compacted
	 * topic).
	 * @return whether all partitions have a leader
	 */
	public static boolean awaitLeaders(KafkaAdmin admin, Collection<String> topics, Duration max) {
		long deadline = System.nanoTime() + max.toNanos();
		while (true) {
			try {
				Map<String, TopicDescription> described = admin.describeTopics(topics.toArray(String[]::new));
				if (described.size() == topics.size() && described.values()
					.stream()
					.flatMap((topic) -> topic.partitions().stream())
					.allMatch((partition) -> partition.leader() != null && !partition.leader().isEmpty())) {
					return true;
				}
			}
			catch (RuntimeException ex) {
				// not visible in the metadata yet
			}
			if (System.nanoTime() > deadline) {
				log.warn("Partitions of {} still without a leader after {}", topics, max);
				return false;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}

}
