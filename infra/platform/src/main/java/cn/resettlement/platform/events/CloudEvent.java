package cn.resettlement.platform.events;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

import cn.resettlement.contracts.EventSchemas;

/**
 * An event as consumers receive it: the CloudEvents attributes and {@code data} as a JSON
 * tree. Consumers read the fields they need, so producers may add optional fields.
 *
 * @param id unique event id (the idempotency key)
 * @param source producing service
 * @param type {@code resettlement.<context>.<Name>.v<version>}
 * @param subject aggregate id
 * @param time when the change was committed
 * @param unitcode unit code
 * @param data the payload
 * @param raw the message as received (for dead letters)
 */
public record CloudEvent(String id, String source, String type, String subject, Instant time, String unitcode,
		JsonNode data, byte[] raw) {

	/** {@code MigrantAdjusted} of {@code resettlement.population.MigrantAdjusted.v1}. */
	public String name() {
		return parsedType().name();
	}

	public int version() {
		return parsedType().version();
	}

	public String context() {
		return parsedType().context();
	}

	private EventSchemas.EventType parsedType() {
		return EventSchemas.EventType.parse(this.type);
	}

	/** A required text field of {@code data}; a missing one makes the event malformed. */
	public String text(String field) {
		return required(field).asString();
	}

	/** An optional text field of {@code data}. */
	public String textOrNull(String field) {
		JsonNode node = this.data.get(field);
		return (node == null || node.isNull()) ? null : node.asString();
	}

	public long number(String field) {
		JsonNode node = required(field);
		if (!node.isIntegralNumber()) {
			throw new MalformedEventException(this, "data." + field + " is not an integer");
		}
		return node.asLong();
	}

	public JsonNode required(String field) {
		JsonNode node = this.data.get(field);
		if (node == null || node.isNull()) {
			throw new MalformedEventException(this, "data." + field + " is missing");
		}
		return node;
	}

}
