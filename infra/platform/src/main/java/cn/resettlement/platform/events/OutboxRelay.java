package cn.resettlement.platform.events;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import cn.resettlement.platform.config.PlatformProperties;

/**
 * Publishes outbox rows to Kafka in order, in batches: rows are locked with
 * {@code FOR UPDATE SKIP LOCKED}, sent with an idempotent {@code acks=all} producer, and
 * marked published in the same transaction once Kafka acknowledged all of them. One
 * instance relays at a time (a transaction-scoped advisory lock), which keeps the order
 * of each aggregate's events when several instances run. While Kafka is down the rows
 * wait and the relay retries with exponential backoff; a crash between send and mark
 * gives a duplicate (at-least-once), never a loss.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** Advisory lock key: one relay per service database. */
	private static final long RELAY_LOCK = 0x6f7574626f78L;

	private static final byte[] CLOUDEVENTS_JSON = "application/cloudevents+json".getBytes(StandardCharsets.UTF_8);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, String> kafka;

	private final TopicProvisioner topics;

	private final PlatformProperties.Outbox settings;

	private final Clock clock;

	private final Counter published;

	private final Counter failures;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition work = this.lock.newCondition();

	private boolean woken;

	private volatile boolean running;

	private Thread thread;

	private Instant nextCleanup = Instant.EPOCH;

	public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
			TopicProvisioner topics, PlatformProperties.Outbox settings, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.topics = topics;
		this.settings = settings;
		this.clock = clock;
		this.published = Counter.builder("outbox.published")
			.description("Events published from the outbox")
			.register(meters);
		this.failures = Counter.builder("outbox.publish.failures")
			.description("Failed publish rounds")
			.register(meters);
		Gauge.builder("outbox.pending", this, OutboxRelay::pending)
			.description("Outbox rows not yet published")
			.register(meters);
		Gauge.builder("outbox.lag", this, OutboxRelay::lagSeconds)
			.description("Age in seconds of the oldest unpublished outbox row")
			.baseUnit("seconds")
			.register(meters);
	}

	/** Wakes the relay: called after a transaction with events committed. */
	public void wake() {
		this.lock.lock();
		try {
			this.woken = true;
			this.work.signal();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Publishes one batch.
	 * @return the number of events published; 0 when there was nothing to do or another
	 * instance holds the relay lock
	 */
	public int publishBatch() {
		Integer count = this.transactions.execute((status) -> {
			Boolean mine = this.jdbc.sql("select pg_try_advisory_xact_lock(?)")
				.param(RELAY_LOCK)
				.query(Boolean.class)
				.single();
			if (!Boolean.TRUE.equals(mine)) {
				return 0;
			}
			List<Row> rows = this.jdbc
				.sql("select position, topic, aggregate_id, payload from outbox_event where published_at is null "
						+ "order by position limit ? for update skip locked")
				.param(this.settings.batchSize())
				.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list();
			if (rows.isEmpty()) {
				return 0;
			}
			this.topics.ensure();
			List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(rows.size());
			for (Row row : rows) {
				ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
				record.headers().add(new RecordHeader("content-type", CLOUDEVENTS_JSON));
				sends.add(this.kafka.send(record));
			}
			this.kafka.flush();
			try {
				CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Kafka did not acknowledge the batch", ex);
			}
			Long[] positions = rows.stream().map(Row::position).toArray(Long[]::new);
			this.jdbc.sql("update outbox_event set published_at = ? where position = any(?)")
				.params(Timestamp.from(this.clock.instant()), positions)
				.update();
			return rows.size();
		});
		int n = (count != null) ? count : 0;
		this.published.increment(n);
		return n;
	}

	/** Publishes until the outbox is empty (tests, shutdown). */
	public void drain() {
		while (publishBatch() > 0) {
			// keep going
		}
	}

	private void loop() {
		Duration backoff = Duration.ofMillis(200);
		int failuresInARow = 0;
		while (this.running) {
			try {
				int n = publishBatch();
				if (failuresInARow > 0) {
					log.info("Outbox relay publishing again after {} failed attempts", failuresInARow);
				}
				failuresInARow = 0;
				backoff = Duration.ofMillis(200);
				cleanup();
				if (n < this.settings.batchSize()) {
					await(this.settings.pollInterval());
				}
			}
			catch (RuntimeException ex) {
				this.failures.increment();
				failuresInARow++;
				if (failuresInARow == 1 || failuresInARow % 20 == 0) {
					log.warn("Outbox relay cannot publish ({} attempts so far, retrying in {}): {}", failuresInARow,
							backoff, ex.getMessage());
				}
				await(backoff);
				backoff = backoff.multipliedBy(2);
				if (backoff.compareTo(this.settings.maxBackoff()) > 0) {
					backoff = this.settings.maxBackoff();
				}
			}
		}
	}

	private void cleanup() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextCleanup)) {
			return;
		}
		this.nextCleanup = now.plus(Duration.ofMinutes(10));
		int deleted = this.jdbc.sql("delete from outbox_event where published_at < ?")
			.param(Timestamp.from(now.minus(this.settings.retention())))
			.update();
		if (deleted > 0) {
			log.info("Deleted {} published outbox rows older than {}", deleted, this.settings.retention());
		}
	}

	private void await(Duration timeout) {
		this.lock.lock();
		try {
			long nanos = timeout.toNanos();
			while (!this.woken && this.running && nanos > 0) {
				nanos = this.work.awaitNanos(nanos);
			}
			this.woken = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	private double pending() {
		return this.jdbc.sql("select count(*) from outbox_event where published_at is null").query(Long.class).single();
	}

	private double lagSeconds() {
		Timestamp oldest = this.jdbc.sql("select min(created_at) from outbox_event where published_at is null")
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		return (oldest == null) ? 0 : Duration.between(oldest.toInstant(), this.clock.instant()).toMillis() / 1000.0;
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::loop, "outbox-relay");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		wake();
		if (this.thread != null) {
			try {
				this.thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// start after the web server and listeners, stop before them
		return Integer.MAX_VALUE - 100;
	}

	private record Row(long position, String topic, String key, String payload) {
	}

}
