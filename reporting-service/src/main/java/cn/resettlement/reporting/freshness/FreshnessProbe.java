package cn.resettlement.reporting.freshness;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import cn.resettlement.reporting.config.ReportingProperties;

/**
 * Says how current the read models are: the newest event applied (from the partition
 * progress written with every batch) and the consumer group's lag, asked of Kafka with an
 * admin client (end offsets minus committed offsets) and reused for a short while.
 */
@Component
public class FreshnessProbe implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FreshnessProbe.class);

	private final JdbcClient jdbc;

	private final KafkaAdmin kafkaAdmin;

	private final String group;

	private final List<String> topics;

	private final RebuildStatus rebuild;

	private final Clock clock;

	private final Duration cache;

	private Admin admin;

	private volatile Lag lag;

	private Future<?> pending;

	private final java.util.concurrent.ExecutorService refresher = java.util.concurrent.Executors
		.newSingleThreadExecutor((r) -> {
			Thread thread = new Thread(r, "reporting-lag");
			thread.setDaemon(true);
			return thread;
		});

	FreshnessProbe(JdbcClient jdbc, KafkaAdmin kafkaAdmin, KafkaProperties kafka, RebuildStatus rebuild, Clock clock,
			ReportingProperties properties, cn.resettlement.platform.config.PlatformProperties platform) {
		this.jdbc = jdbc;
		this.kafkaAdmin = kafkaAdmin;
		this.group = kafka.getConsumer().getGroupId();
		this.topics = platform.events().consumedTopics();
		this.rebuild = rebuild;
		this.clock = clock;
		this.cache = properties.freshness().lagCache();
	}

	public Freshness now() {
		Instant[] times = this.jdbc.sql("select max(last_event_time), max(last_applied_at) from rm_partition_progress")
			.query((rs, n) -> new Instant[] { instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)) })
			.single();
		Lag lag = lag();
		boolean rebuilding = this.rebuild.running();
		return new Freshness(times[0], times[1], (lag != null) ? lag.total() : null,
				(lag != null) ? lag.byTopic() : null, (lag != null) ? lag.at() : null, rebuilding,
				rebuilding ? this.rebuild.processed() : null, rebuilding ? this.rebuild.total() : null);
	}

	/**
	 * The lag, measured again when the last measurement is older than the cache period. A
	 * report waits at most a second for Kafka; if it cannot answer by then the last
	 * measurement is used (its time is in the response).
	 */
	private Lag lag() {
		Lag known = this.lag;
		if (known != null && known.at().plus(this.cache).isAfter(this.clock.instant())) {
			return known;
		}
		Future<?> measuring;
		synchronized (this) {
			if (this.pending == null || this.pending.isDone()) {
				this.pending = this.refresher.submit(this::refresh);
			}
			measuring = this.pending;
		}
		try {
			measuring.get(1, TimeUnit.SECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			log.debug("Consumer lag not measured in time: {}", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return this.lag;
	}

	private void refresh() {
		Instant now = this.clock.instant();
		try {
			this.lag = measure(now);
		}
		catch (Exception ex) {
			log.debug("Consumer lag unavailable: {}", ex.getMessage());
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private Lag measure(Instant now) throws Exception {
		Admin client = admin();
		Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(this.group)
			.partitionsToOffsetAndMetadata()
			.get(5, TimeUnit.SECONDS);
		List<TopicPartition> partitions = new ArrayList<>();
		client.describeTopics(this.topics)
			.allTopicNames()
			.get(5, TimeUnit.SECONDS)
			.forEach((name, description) -> description.partitions()
				.forEach((p) -> partitions.add(new TopicPartition(name, p.partition()))));
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		partitions.forEach((p) -> latest.put(p, OffsetSpec.latest()));
		Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
		partitions.forEach((p) -> earliest.put(p, OffsetSpec.earliest()));
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(latest)
			.all()
			.get(5, TimeUnit.SECONDS);
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = client.listOffsets(earliest)
			.all()
			.get(5, TimeUnit.SECONDS);
		Map<String, Long> byTopic = new TreeMap<>();
		long total = 0;
		for (TopicPartition partition : partitions) {
			OffsetAndMetadata done = committed.get(partition);
			long from = (done != null) ? done.offset() : starts.get(partition).offset();
			long behind = Math.max(0, ends.get(partition).offset() - from);
			byTopic.merge(partition.topic(), behind, Long::sum);
			total += behind;
		}
		return new Lag(now, total, byTopic);
	}

	private Admin admin() {
		if (this.admin == null) {
			Map<String, Object> config = new HashMap<>(this.kafkaAdmin.getConfigurationProperties());
			config.put(AdminClientConfig.CLIENT_ID_CONFIG, "reporting-freshness");
			config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
			config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
			this.admin = Admin.create(config);
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		this.refresher.shutdownNow();
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(2));
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record Lag(Instant at, long total, Map<String, Long> byTopic) {
	}

}
