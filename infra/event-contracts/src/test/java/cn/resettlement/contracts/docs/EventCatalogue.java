package cn.resettlement.contracts.docs;

import java.util.List;
import java.util.Map;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;

import cn.resettlement.contracts.EventSchemas;

/**
 * Renders {@code docs/events.md}: the hand-written introduction
 * ({@code src/test/resources/docs/events.intro.md}), then per context and event: topic,
 * type, key, when it is emitted, the fields with their formats and units, and an example
 * message; and the personal-data table.
 */
public final class EventCatalogue {

	static final String REFRESH = "./mvnw -q -f infra/event-contracts/pom.xml test -Dtest=GeneratedDocsTests -Dcontracts.write=true";

	private EventCatalogue() {
	}

	public static String render() {
		List<ContractFiles.EventDoc> events = ContractFiles.events();
		StringBuilder out = new StringBuilder();
		out.append(
				"<!-- Generated from infra/event-contracts/src/main/resources/schemas by GeneratedDocsTests: do not edit.\n")
			.append("     Edit the schemas (or src/test/resources/docs/events.intro.md), then run:\n     ")
			.append(REFRESH)
			.append(" -->\n");
		out.append(ContractFiles.text(java.nio.file.Path.of("src/test/resources/docs/events.intro.md")).strip())
			.append("\n\n");
		topics(out, events);
		envelope(out);
		for (String context : ContractFiles.contexts()) {
			List<ContractFiles.EventDoc> ofContext = events.stream()
				.filter((e) -> e.type().context().equals(context))
				.toList();
			out.append("## ").append(context).append("\n\n");
			out.append("Producer `")
				.append(context)
				.append("-service`; live topic `")
				.append(new EventSchemas.EventType(context, "Any", 1).topic())
				.append("`.\n\n");
			for (ContractFiles.EventDoc event : ofContext) {
				event(out, event);
			}
		}
		out.append("## Personal data by event\n\n");
		out.append("Derived from the schemas by field name (`PersonalData` in the generator). Card accounts, phone ")
			.append("numbers, addresses, free-text reasons and petitioners' names or ID numbers are in no schema ")
			.append("(`PersonalDataTests` fails if one appears).\n\n");
		out.append(PersonalData.table(events));
		return out.toString();
	}

	private static void topics(StringBuilder out, List<ContractFiles.EventDoc> events) {
		out.append("## Topics\n\n");
		out.append("| topic | producer | events | key | retention |\n| --- | --- | --- | --- | --- |\n");
		for (String context : ContractFiles.contexts()) {
			for (boolean snapshot : new boolean[] { false, true }) {
				List<ContractFiles.EventDoc> on = events.stream()
					.filter((e) -> e.type().context().equals(context) && e.type().snapshot() == snapshot)
					.toList();
				if (on.isEmpty()) {
					continue;
				}
				out.append("| `")
					.append(on.get(0).type().topic())
					.append("` | ")
					.append(context)
					.append("-service | ")
					.append(String.join(", ",
							on.stream().map((e) -> "[" + e.type().name() + "](#" + anchor(e) + ")").toList()))
					.append(" | aggregate id (= `subject`) | ")
					.append(snapshot ? "compacted: the latest snapshot per key" : "unlimited (`retention.ms=-1`)")
					.append(" |\n");
			}
		}
		out.append("| `<topic>.dlt` | the consuming service | events a consumer could not process ")
			.append("(original bytes and headers) | as the original | 30 days; internal, not readable by subscribers |\n\n");
	}

	private static void envelope(StringBuilder out) {
		JsonNode envelope = ContractFiles.read(ContractFiles.SCHEMAS.resolve(ContractFiles.ENVELOPE));
		out.append("## Envelope (`cloudevent.v1.json`)\n\n");
		out.append(cell(envelope.path("description").asString(""))).append("\n\n");
		fields(out, envelope);
	}

	private static void event(StringBuilder out, ContractFiles.EventDoc event) {
		EventSchemas.EventType type = event.type();
		out.append("### ").append(type.name()).append(" v").append(type.version()).append("\n\n");
		out.append("<a id=\"").append(anchor(event)).append("\"></a>\n\n");
		out.append(cell(event.description())).append("\n\n");
		out.append("| | |\n| --- | --- |\n");
		out.append("| type | `").append(type.type()).append("` |\n");
		out.append("| topic | `").append(type.topic()).append("` |\n");
		out.append("| key and `subject` | `").append(Fields.subject(event.schema())).append("` |\n");
		out.append("| dataschema | `").append(type.schemaId()).append("` |\n");
		out.append("| schema file | [`infra/event-contracts/src/main/resources/schemas/")
			.append(event.file())
			.append("`](../infra/event-contracts/src/main/resources/schemas/")
			.append(event.file())
			.append(") |\n\n");
		out.append("`data` fields:\n\n");
		fields(out, event.schema());
		out.append("Example message:\n\n```json\n").append(pretty(Examples.message(event))).append("\n```\n\n");
	}

	private static void fields(StringBuilder out, JsonNode schema) {
		out.append("| field | type | required | format / unit | meaning |\n| --- | --- | --- | --- | --- |\n");
		for (Fields.Field field : Fields.of(schema)) {
			out.append("| `")
				.append(field.path())
				.append("` | ")
				.append(cell(field.type()))
				.append(" | ")
				.append(field.required() ? (field.nullable() ? "yes (may be null)" : "yes") : "no")
				.append(" | ")
				.append(cell(field.format()))
				.append(" | ")
				.append(cell(field.description()))
				.append(" |\n");
		}
		out.append('\n');
	}

	static String anchor(ContractFiles.EventDoc event) {
		return event.messageId().replace('.', '-').toLowerCase();
	}

	private static String cell(String text) {
		return text.replace("|", "\\|").replace("\n", " ");
	}

	static String pretty(JsonNode node) {
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
				Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
			.withObjectIndenter(new DefaultIndenter("  ", "\n"))
			.withArrayIndenter(new DefaultIndenter("  ", "\n"));
		return ContractFiles.JSON.writer().with(printer).writeValueAsString(node);
	}

	/** A map view for tests. */
	static Map<String, JsonNode> examples() {
		Map<String, JsonNode> examples = new java.util.LinkedHashMap<>();
		ContractFiles.events().forEach((e) -> examples.put(e.messageId(), Examples.message(e)));
		return examples;
	}

}
