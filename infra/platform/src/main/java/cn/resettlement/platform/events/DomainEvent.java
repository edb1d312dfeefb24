package cn.resettlement.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A fact a service publishes: a record named in the past tense
 * ({@code MigrantRegistered}) whose components are the event's {@code data}. The
 * CloudEvents type is {@code resettlement.<context>.<SimpleName>.v<version>}.
 */
public interface DomainEvent {

	/**
	 * The aggregate's id: CloudEvents {@code subject} and the Kafka key (per-aggregate
	 * order).
	 */
	@JsonIgnore
	String subject();

	/** Aggregate type, for the outbox row (e.g. {@code Migrant}). */
	@JsonIgnore
	String aggregateType();

}
