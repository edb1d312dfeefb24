package cn.resettlement.reporting.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import cn.resettlement.platform.events.CloudEvent;
import cn.resettlement.platform.events.Inbox;
import cn.resettlement.platform.events.MalformedEventException;

/**
 * Applies batches of consumed events to the read models: each event is parsed into facts,
 * then the inbox records the ids of the whole batch and hands only the events not applied
 * before to the writer, in one transaction. Used by the live listener and by the rebuild.
 */
@Component
public class Ingestion {

	private static final Logger log = LoggerFactory.getLogger(Ingestion.class);

	private final EventParser parser = new EventParser();

	private final Inbox inbox;

	private final ReadModelWriter writer;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Counter malformed;

	Ingestion(Inbox inbox, ReadModelWriter writer, TransactionTemplate transactions, Clock clock,
			MeterRegistry meters) {
		this.inbox = inbox;
		this.writer = writer;
		this.transactions = transactions;
		this.clock = clock;
		this.malformed = Counter.builder("reporting.events.malformed")
			.description("Events that could not be read or applied")
			.register(meters);
	}

	/**
	 * Applies a batch from the live listener. A malformed event stops the batch: the
	 * events before it are applied and committed, and a
	 * {@link BatchListenerFailedException} names it, so the error handler dead-letters it
	 * and the rest of the batch is delivered again. A database that is unavailable fails
	 * the whole batch, which is retried.
	 */
	public void applyLive(List<ConsumerRecord<String, CloudEvent>> records) {
		List<Parsed> parsed = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			try {
				parsed.add(parse(records.get(i)));
			}
			catch (MalformedEventException ex) {
				this.malformed.increment();
				apply(parsed);
				throw new BatchListenerFailedException(ex.getMessage(), ex, i);
			}
		}
		try {
			apply(parsed);
		}
		catch (RuntimeException ex) {
			if (isTransient(ex)) {
				throw ex;
			}
			applyOneByOne(parsed);
		}
	}

	/**
	 * Applies a batch read while replaying: malformed events (already dead-lettered when
	 * they were first consumed) are counted and left out.
	 * @return the events left out as malformed
	 */
	public int applyReplay(List<ConsumerRecord<String, CloudEvent>> records) {
		List<Parsed> parsed = new ArrayList<>(records.size());
		int left = 0;
		for (ConsumerRecord<String, CloudEvent> record : records) {
			try {
				parsed.add(parse(record));
			}
			catch (MalformedEventException ex) {
				left++;
				log.debug("Replay leaves out {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
						ex.getMessage());
			}
		}
		apply(parsed);
		return left;
	}

	/** Finds the event a failing batch cannot apply: the ones before it are committed. */
	private void applyOneByOne(List<Parsed> parsed) {
		for (int i = 0; i < parsed.size(); i++) {
			try {
				apply(List.of(parsed.get(i)));
			}
			catch (RuntimeException ex) {
				if (isTransient(ex)) {
					throw ex;
				}
				this.malformed.increment();
				throw new BatchListenerFailedException("Event cannot be applied: " + ex.getMessage(), ex, i);
			}
		}
	}

	private Parsed parse(ConsumerRecord<String, CloudEvent> record) {
		CloudEvent event = record.value();
		if (event == null) {
			DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
					SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
			throw new MalformedEventException("Unreadable message " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + ((cause != null) ? ": " + cause.getMessage() : ""), cause);
		}
		List<Fact> facts = this.parser.parse(event);
		if (facts == null) {
			this.inbox.skip(event);
		}
		return new Parsed(record, event, facts);
	}

	private void apply(List<Parsed> parsed) {
		if (parsed.isEmpty()) {
			return;
		}
		Map<TopicPartitionKey, PartitionProgress> progress = new TreeMap<>();
		Map<CloudEvent, List<Fact>> factsByEvent = new IdentityHashMap<>();
		List<CloudEvent> effective = new ArrayList<>(parsed.size());
		for (Parsed p : parsed) {
			progress.merge(new TopicPartitionKey(p.record().topic(), p.record().partition()),
					new PartitionProgress(p.event().time(), 1), PartitionProgress::plus);
			if (p.facts() != null && !p.facts().isEmpty()) {
				factsByEvent.put(p.event(), p.facts());
				effective.add(p.event());
			}
		}
		if (effective.isEmpty()) {
			this.transactions.executeWithoutResult((status) -> this.writer.progress(progress, this.clock.instant()));
			return;
		}
		this.inbox.applyBatch(effective, (fresh) -> {
			List<Fact> facts = new ArrayList<>();
			for (CloudEvent event : fresh) {
				facts.addAll(factsByEvent.get(event));
			}
			this.writer.write(facts);
			this.writer.progress(progress, this.clock.instant());
		});
	}

	static boolean isTransient(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof TransientDataAccessException || t instanceof CannotGetJdbcConnectionException
					|| t instanceof DataAccessResourceFailureException || t instanceof RecoverableDataAccessException
					|| t instanceof CannotCreateTransactionException || t instanceof java.sql.SQLTransientException
					|| t instanceof java.sql.SQLRecoverableException) {
				return true;
			}
		}
		return false;
	}

	private record Parsed(ConsumerRecord<String, CloudEvent> record, CloudEvent event, List<Fact> facts) {
	}

}
