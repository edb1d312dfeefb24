package cn.resettlement.platform.events;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventDeserializerTests {

	private final CloudEventDeserializer deserializer = new CloudEventDeserializer();

	private static final String EVENT = """
			{"specversion":"1.0","id":"e1","source":"/resettlement/430582/population-service",
			 "type":"resettlement.population.MigrantAdjusted.v1","subject":"m1","time":"2024-03-01T08:00:00Z",
			 "unitcode":"430582","data":{"type":"DEATH","amountFen":15000}}""";

	@Test
	void readsAStructuredCloudEvent() {
		CloudEvent event = this.deserializer.deserialize("t", EVENT.getBytes(StandardCharsets.UTF_8));
		assertThat(event.id()).isEqualTo("e1");
		assertThat(event.context()).isEqualTo("population");
		assertThat(event.name()).isEqualTo("MigrantAdjusted");
		assertThat(event.version()).isEqualTo(1);
		assertThat(event.text("type")).isEqualTo("DEATH");
		assertThat(event.number("amountFen")).isEqualTo(15000);
		assertThat(event.textOrNull("missing")).isNull();
		assertThatExceptionOfType(MalformedEventException.class).isThrownBy(() -> event.text("missing"));
	}

	@Test
	void anythingElseIsMalformed() {
		for (String bad : new String[] { "not json", "[]", EVENT.replace("\"1.0\"", "\"0.3\""),
				EVENT.replace("\"id\":\"e1\",", ""), EVENT.replace("resettlement.population.", "com.example."),
				EVENT.replace("2024-03-01T08:00:00Z", "yesterday"),
				EVENT.replace("\"data\":{", "\"data\":[{").replace("}}", "}]}") }) {
			assertThatExceptionOfType(MalformedEventException.class).as(bad)
				.isThrownBy(() -> this.deserializer.deserialize("t", bad.getBytes(StandardCharsets.UTF_8)));
		}
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> this.deserializer.deserialize("t", null));
	}

}
