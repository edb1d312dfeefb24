package cn.resettlement.platform.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StrictJsonTests {

	record Note(String title, List<String> lines, Map<String, String> labels, int count) {
	}

	private final JsonMapper json = strict();

	private static JsonMapper strict() {
		JsonMapper.Builder builder = JsonMapper.builder();
		new StrictJson().customize(builder);
		return builder.build();
	}

	@Test
	void textWithTabsAndLineBreaksIsRead() {
		Note note = this.json.readValue(
				"{\"title\":\"移民\\t后扶\",\"lines\":[\"一\\r\\n二\"],\"labels\":{\"a\":\"b\\n\"},\"count\":1}", Note.class);
		assertThat(note.title()).isEqualTo("移民\t后扶");
		assertThat(note.lines()).containsExactly("一\r\n二");
		assertThat(note.labels()).containsEntry("a", "b\n");
	}

	@Test
	void aControlCharacterAnywhereIsRefusedNamingTheField() {
		for (String body : List.of("{\"title\":\"矩阵\\u0000测试\",\"count\":1}",
				"{\"lines\":[\"ok\",\"\\u001b[31m\"],\"count\":1}", "{\"labels\":{\"a\":\"\\u007f\"},\"count\":1}",
				"{\"title\":\"\\u0008\",\"count\":1}")) {
			assertThatExceptionOfType(InvalidFormatException.class)
				.isThrownBy(() -> this.json.readValue(body, Note.class))
				.satisfies((ex) -> {
					assertThat(ex.getTargetType()).isEqualTo(String.class);
					assertThat(ex.getMessage()).contains("control character");
				});
		}
	}

	@Test
	void theStrictRulesStillHold() {
		assertThatExceptionOfType(UnrecognizedPropertyException.class)
			.isThrownBy(() -> this.json.readValue("{\"title\":\"a\",\"extra\":1,\"count\":1}", Note.class));
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> this.json.readValue("{\"title\":5,\"count\":1}", Note.class));
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> this.json.readValue("{\"title\":\"a\",\"count\":1.5}", Note.class));
	}

}
