package cn.resettlement.platform.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies each event once in effect: the event id is recorded in the same transaction as
 * the change it causes, so a redelivered event changes nothing.
 */
public class Inbox {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final String consumer;

	private final MeterRegistry meters;

	private final Counter duplicates;

	public Inbox(JdbcClient jdbc, TransactionTemplate transactions, String consumer, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.consumer = consumer;
		this.meters = meters;
		this.duplicates = Counter.builder("events.duplicates")
			.description("Redelivered events that were already applied")
			.register(meters);
	}

	/**
	 * Applies an event unless it was applied before.
	 * @return whether the effect ran
	 */
	public boolean apply(CloudEvent event, Consumer<CloudEvent> effect) {
		Boolean applied = this.transactions.execute((status) -> {
			int fresh = this.jdbc
				.sql("insert into inbox_event (consumer, event_id, event_type) values (?, ?, ?) on conflict do nothing")
				.params(this.consumer, event.id(), event.type())
				.update();
			if (fresh == 0) {
				return false;
			}
			effect.accept(event);
			return true;
		});
		if (Boolean.TRUE.equals(applied)) {
			Counter.builder("events.applied").tag("type", event.type()).register(this.meters).increment();
			return true;
		}
		this.duplicates.increment();
		return false;
	}

	/**
	 * Applies a batch of events in one transaction (high-throughput consumers): the ids
	 * are recorded with one statement and only the events not applied before reach the
	 * effect.
	 * @return the events that were applied
	 */
	public List<CloudEvent> applyBatch(List<CloudEvent> events, Consumer<List<CloudEvent>> effect) {
		if (events.isEmpty()) {
			return List.of();
		}
		List<CloudEvent> fresh = this.transactions.execute((status) -> {
			Set<String> inserted = new HashSet<>(this.jdbc
				.sql("insert into inbox_event (consumer, event_id, event_type) "
						+ "select ?, id, type from unnest(?::text[], ?::text[]) as e(id, type) "
						+ "on conflict do nothing returning event_id")
				.params(this.consumer, events.stream().map(CloudEvent::id).toArray(String[]::new),
						events.stream().map(CloudEvent::type).toArray(String[]::new))
				.query(String.class)
				.list());
			List<CloudEvent> toApply = new ArrayList<>(inserted.size());
			Set<String> seen = new HashSet<>();
			for (CloudEvent event : events) {
				if (inserted.contains(event.id()) && seen.add(event.id())) {
					toApply.add(event);
				}
			}
			effect.accept(toApply);
			return toApply;
		});
		List<CloudEvent> applied = (fresh != null) ? fresh : List.of();
		this.duplicates.increment(events.size() - applied.size());
		applied
			.forEach((e) -> Counter.builder("events.applied").tag("type", e.type()).register(this.meters).increment());
		return applied;
	}

	/** Counts an event of a type or version this consumer does not handle. */
	public void skip(CloudEvent event) {
		Counter.builder("events.skipped")
			.description("Events of types or versions this consumer does not handle")
			.tag("type", event.type())
			.register(this.meters)
			.increment();
	}

	public String consumer() {
		return this.consumer;
	}

}
