package cn.resettlement.platform.events;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.resettlement.contracts.EventSchemas;
import cn.resettlement.platform.config.PlatformProperties;
import cn.resettlement.platform.security.Caller;

/**
 * Appends events to the outbox table inside the caller's transaction: they are published
 * if and only if that transaction commits. The relay is woken after the commit.
 */
public class Outbox {

	private static final int CHUNK = 5_000;

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final String topic;

	private final String context;

	private final String source;

	private final String unitCode;

	private final Runnable afterCommit;

	private final boolean validate;

	public Outbox(JdbcTemplate jdbc, JsonMapper json, Clock clock, PlatformProperties properties, String serviceName,
			Runnable afterCommit) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.topic = properties.events().topic();
		this.context = properties.events().context();
		this.unitCode = properties.unitCode();
		this.source = "/resettlement/" + properties.unitCode() + "/" + serviceName;
		this.afterCommit = afterCommit;
		this.validate = properties.events().validate();
	}

	public void append(DomainEvent event) {
		appendAll(List.of(event));
	}

	/** Appends many events with batched inserts (bulk imports, batch results). */
	public void appendAll(Collection<? extends DomainEvent> events) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Events are appended inside the business transaction");
		}
		if (events.isEmpty()) {
			return;
		}
		String actor = Caller.current().userId();
		String time = this.clock.instant().toString();
		List<Object[]> rows = new ArrayList<>(Math.min(events.size(), CHUNK));
		for (DomainEvent event : events) {
			UUID id = UUID.randomUUID();
			rows.add(new Object[] { id, this.topic, event.aggregateType(), event.subject(), type(event),
					envelope(id, event, time), actor });
			if (rows.size() == CHUNK) {
				insert(rows);
				rows.clear();
			}
		}
		insert(rows);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Outbox.this.afterCommit.run();
				}
			});
		}
	}

	private void insert(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(
				"insert into outbox_event (id, topic, aggregate_type, aggregate_id, event_type, payload, actor) "
						+ "values (?, ?, ?, ?, ?, ?, ?)",
				rows);
	}

	private String type(DomainEvent event) {
		return eventType(event).type();
	}

	private EventSchemas.EventType eventType(DomainEvent event) {
		EventVersion version = event.getClass().getAnnotation(EventVersion.class);
		return new EventSchemas.EventType(this.context, event.getClass().getSimpleName(),
				(version != null) ? version.value() : 1);
	}

	private String envelope(UUID id, DomainEvent event, String time) {
		EventSchemas.EventType type = eventType(event);
		String envelope = this.json.writeValueAsString(new Envelope("1.0", id.toString(), this.source, type.type(),
				event.subject(), time, "application/json", type.schemaId(), this.unitCode, event));
		if (this.validate) {
			List<String> violations = EventSchemas.instance().validate(envelope);
			if (!violations.isEmpty()) {
				throw new IllegalStateException(type.type() + " breaks its published schema: " + violations);
			}
		}
		return envelope;
	}

	/** CloudEvents 1.0 structured mode, attributes in the order the spec lists them. */
	record Envelope(String specversion, String id, String source, String type, String subject, String time,
			String datacontenttype, String dataschema, String unitcode, Object data) {
	}

}
