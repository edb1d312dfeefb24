package cn.resettlement.platform.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Serializer;

/** Writes a dead letter as it arrived: raw bytes, or the raw JSON of a parsed event. */
public class DeadLetterSerializer implements Serializer<Object> {

	@Override
	public byte[] serialize(String topic, Object data) {
		if (data == null) {
			return null;
		}
		if (data instanceof byte[] bytes) {
			return bytes;
		}
		if (data instanceof CloudEvent event) {
			return event.raw();
		}
		return String.valueOf(data).getBytes(StandardCharsets.UTF_8);
	}

}
