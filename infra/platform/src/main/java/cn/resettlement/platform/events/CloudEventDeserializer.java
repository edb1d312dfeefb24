package cn.resettlement.platform.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.resettlement.contracts.EventSchemas;

/**
 * Reads a structured-mode CloudEvent. Anything that is not one (not JSON, a missing
 * attribute, a foreign type) fails here, and the error-handling deserializer sends it to
 * the dead-letter topic without retries.
 */
public class CloudEventDeserializer implements Deserializer<CloudEvent> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public CloudEvent deserialize(String topic, byte[] data) {
		if (data == null) {
			throw new MalformedEventException("Empty message on " + topic, null);
		}
		JsonNode node;
		try {
			node = JSON.readTree(data);
		}
		catch (JacksonException ex) {
			throw new MalformedEventException("Not JSON on " + topic, ex);
		}
		if (!node.isObject() || !"1.0".equals(text(node, "specversion"))) {
			throw new MalformedEventException("Not a CloudEvents 1.0 message on " + topic, null);
		}
		String type = text(node, "type");
		if (!EventSchemas.EventType.matches(type)) {
			throw new MalformedEventException("Not a resettlement event type: " + type, null);
		}
		JsonNode payload = node.get("data");
		if (payload == null || !payload.isObject()) {
			throw new MalformedEventException("No data object in event " + text(node, "id"), null);
		}
		try {
			return new CloudEvent(required(node, "id"), required(node, "source"), type, required(node, "subject"),
					Instant.parse(required(node, "time")), text(node, "unitcode"), payload, data);
		}
		catch (DateTimeParseException ex) {
			throw new MalformedEventException("Bad time in event " + text(node, "id"), ex);
		}
	}

	private static String required(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null || value.isBlank()) {
			throw new MalformedEventException("CloudEvent without " + field, null);
		}
		return value;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || !value.isString()) ? null : value.asString();
	}

}
