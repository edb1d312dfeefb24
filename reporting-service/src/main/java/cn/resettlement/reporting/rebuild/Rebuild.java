package cn.resettlement.reporting.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

import cn.resettlement.platform.events.CloudEvent;
import cn.resettlement.platform.jobs.JobContext;
import cn.resettlement.platform.jobs.JobView;
import cn.resettlement.platform.jobs.Jobs;
import cn.resettlement.platform.web.ApiException;
import cn.resettlement.reporting.config.ReportingProperties;
import cn.resettlement.reporting.freshness.RebuildStatus;
import cn.resettlement.reporting.ingest.Ingestion;
import cn.resettlement.reporting.ingest.ListenerIds;
import cn.resettlement.reporting.ingest.ReadModels;
import cn.resettlement.reporting.ingest.Topics;

/**
 * Rebuilds the read models from the topics: stops the live listener, drops the read
 * models, replays every partition of the five topics from the beginning up to the end
 * offsets taken at the start with a consumer of its own (no group, nothing committed),
 * and starts the listener again. Events published meanwhile wait for the listener; the
 * ones the replay already applied are recognised by the inbox. Runs as a job with
 * progress (events replayed of the total).
 */
@Service
public class Rebuild {

	private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

	private final Jobs jobs;

	private final ReadModels readModels;

	private final Ingestion ingestion;

	private final ConsumerFactory<String, CloudEvent> consumers;

	private final KafkaListenerEndpointRegistry listeners;

	private final RebuildStatus status;

	private final int batchSize;

	private final int workers;

	@SuppressWarnings("unchecked")
	Rebuild(Jobs jobs, ReadModels readModels, Ingestion ingestion, ConsumerFactory<?, ?> consumers,
			KafkaListenerEndpointRegistry listeners, RebuildStatus status, ReportingProperties properties) {
		this.jobs = jobs;
		this.readModels = readModels;
		this.ingestion = ingestion;
		this.consumers = (ConsumerFactory<String, CloudEvent>) consumers;
		this.listeners = listeners;
		this.status = status;
		this.batchSize = properties.rebuild().batchSize();
		this.workers = properties.rebuild().workers();
	}

	/**
	 * @throws ApiException 409 when a rebuild is already running
	 */
	public JobView start() {
		if (!this.status.start()) {
			throw ApiException.conflict("rebuild-running", "A rebuild of the read models is already running.");
		}
		try {
			return this.jobs.submit("reporting.rebuild", this::run);
		}
		catch (RuntimeException ex) {
			this.status.finish();
			throw ex;
		}
	}

	private void run(JobContext job) throws Exception {
		long started = System.nanoTime();
		MessageListenerContainer live = this.listeners.getListenerContainer(ListenerIds.LIVE);
		try {
			if (live != null) {
				live.stop();
			}
			this.readModels.drop();
			Result result = replay(job);
			result = new Result(result.events(), result.leftOut(),
					Duration.ofNanos(System.nanoTime() - started).toMillis());
			job.result(result);
			log.info("Read models rebuilt: {} events replayed ({} left out as malformed) in {} ms", result.events(),
					result.leftOut(), result.durationMs());
		}
		finally {
			this.status.finish();
			if (live != null) {
				live.start();
			}
		}
	}

	/**
	 * Replays every partition from its beginning to the end offset taken now, with
	 * {@code workers} consumers on disjoint sets of partitions applying in parallel (the
	 * read models merge commutatively, so the interleaving does not matter).
	 */
	private Result replay(JobContext job) throws Exception {
		Map<TopicPartition, Long> ends;
		List<TopicPartition> partitions = new ArrayList<>();
		long total = 0;
		try (Consumer<String, CloudEvent> probe = consumer()) {
			for (String topic : Topics.ALL) {
				List<PartitionInfo> infos = probe.partitionsFor(topic, Duration.ofSeconds(30));
				if (infos != null) {
					infos.forEach((i) -> partitions.add(new TopicPartition(topic, i.partition())));
				}
			}
			ends = new HashMap<>(probe.endOffsets(partitions));
			Map<TopicPartition, Long> starts = probe.beginningOffsets(partitions);
			for (TopicPartition p : partitions) {
				total += Math.max(0, ends.get(p) - starts.get(p));
			}
		}
		job.total(total);
		this.status.total(total);
		int workers = Math.max(1, Math.min(this.workers, partitions.size()));
		List<List<TopicPartition>> shares = new ArrayList<>();
		for (int w = 0; w < workers; w++) {
			shares.add(new ArrayList<>());
		}
		for (int i = 0; i < partitions.size(); i++) {
			shares.get(i % workers).add(partitions.get(i));
		}
		ExecutorService pool = Executors.newFixedThreadPool(workers, (r) -> {
			Thread thread = new Thread(r, "reporting-rebuild");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<long[]>> done = new ArrayList<>();
			for (List<TopicPartition> share : shares) {
				done.add(pool.submit(() -> replay(share, ends, job)));
			}
			long events = 0;
			long leftOut = 0;
			for (Future<long[]> worker : done) {
				long[] counts = worker.get();
				events += counts[0];
				leftOut += counts[1];
			}
			return new Result(events, leftOut, 0);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** One worker: its partitions from the beginning to their end offsets. */
	private long[] replay(List<TopicPartition> partitions, Map<TopicPartition, Long> ends, JobContext job) {
		long events = 0;
		long leftOut = 0;
		try (Consumer<String, CloudEvent> consumer = consumer()) {
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<TopicPartition> done = new ArrayList<>();
			for (TopicPartition p : partitions) {
				if (consumer.position(p) >= ends.get(p)) {
					done.add(p);
				}
			}
			consumer.pause(done);
			while (done.size() < partitions.size()) {
				ConsumerRecords<String, CloudEvent> polled = consumer.poll(Duration.ofMillis(500));
				List<ConsumerRecord<String, CloudEvent>> batch = new ArrayList<>(polled.count());
				for (ConsumerRecord<String, CloudEvent> record : polled) {
					if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
						batch.add(record);
					}
				}
				if (!batch.isEmpty()) {
					leftOut += applyWithRetry(batch);
					events += batch.size();
					job.advance(batch.size());
					this.status.advance(batch.size());
				}
				List<TopicPartition> finished = new ArrayList<>();
				for (TopicPartition p : partitions) {
					if (!done.contains(p) && consumer.position(p) >= ends.get(p)) {
						finished.add(p);
					}
				}
				consumer.pause(finished);
				done.addAll(finished);
			}
		}
		return new long[] { events, leftOut };
	}

	/**
	 * Workers may meet on a row (a deadlock is possible): such a batch is applied again.
	 */
	private int applyWithRetry(List<ConsumerRecord<String, CloudEvent>> batch) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.ingestion.applyReplay(batch);
			}
			catch (TransientDataAccessException ex) {
				if (attempt >= 5) {
					throw ex;
				}
				log.info("Rebuild batch retried after {}", ex.getMessage());
			}
		}
	}

	private Consumer<String, CloudEvent> consumer() {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(this.batchSize));
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));
		overrides.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
		return this.consumers.createConsumer("reporting-rebuild", "reporting-rebuild", null, overrides);
	}

	/**
	 * @param events events replayed
	 * @param leftOut malformed events left out (they were dead-lettered when consumed)
	 * @param durationMs how long the rebuild took
	 */
	record Result(long events, long leftOut, long durationMs) {
	}

}
