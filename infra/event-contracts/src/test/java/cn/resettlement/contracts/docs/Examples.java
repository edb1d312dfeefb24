package cn.resettlement.contracts.docs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import cn.resettlement.contracts.EventSchemas;

/**
 * Example messages made from the schemas, deterministic so the generated documents are
 * stable: plausible values by field name (a real-looking ID number with its check digit,
 * the Shaodong unit's codes, amounts in fen), otherwise the first enum value, a string
 * matching the pattern, the minimum. The tests validate every example against its schema.
 */
public final class Examples {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	public static final String UNIT_CODE = "430582";

	/** Plausible values by field name; used when they fit the field's schema. */
	private static final Map<String, Object> BY_NAME = Map.ofEntries(Map.entry("idNumber", idNumber("19800315123")),
			Map.entry("previousIdNumber", idNumber("19800315321")), Map.entry("townshipCode", "430582101"),
			Map.entry("village", "三合村"), Map.entry("reservoir", "红旗水库"), Map.entry("householdNo", "H-0001"),
			Map.entry("relationToHead", "户主"), Map.entry("birthDate", "1980-03-15"),
			Map.entry("relocatedOn", "2001-05-01"), Map.entry("supportStart", "2006-07-01"),
			Map.entry("supportEnd", "2026-06-30"), Map.entry("activeFrom", "2006-07-01"),
			Map.entry("documentNo", "邵移〔2024〕12号"), Map.entry("caseNo", "XF2024-0001"), Map.entry("period", "2024-H1"),
			Map.entry("periodStart", "2024-01-01"), Map.entry("periodEnd", "2024-06-30"),
			Map.entry("academicYear", "2024-2025"), Map.entry("lineRef", "B7-1"), Map.entry("year", 2024),
			Map.entry("classYear", 2024), Map.entry("allocationYear", 2024), Map.entry("createdBy", "alice"),
			Map.entry("approvedBy", "bob"), Map.entry("voucherNo", "记-2024-0315"),
			Map.entry("receiptNo", "收-2024-0042"), Map.entry("school", "邵阳工业职业技术学院"), Map.entry("programme", "机电一体化"),
			Map.entry("title", "柑橘栽培技术"), Map.entry("location", "九龙岭镇文化站"), Map.entry("provider", "邵东市农业农村局"),
			Map.entry("asset", "三合村光伏电站"), Map.entry("implementingUnit", "九龙岭镇人民政府"), Map.entry("sourceBody", "邵阳市信访局"),
			Map.entry("sourceReference", "邵信转〔2024〕8号"), Map.entry("certificateNo", "JY2024-0001"),
			Map.entry("reason", "账户已注销"), Map.entry("takenAt", "2024-07-01T02:00:00Z"), Map.entry("code", "XM2024-001"),
			Map.entry("personCount", 1), Map.entry("months", 6), Map.entry("periods", 2),
			Map.entry("progressPercent", 60), Map.entry("sequence", 1), Map.entry("extensionDays", 30),
			Map.entry("batchNo", 7));

	/** Names used for a person in one context and for something else in another. */
	private static final Map<String, Object> BY_CONTEXT_AND_NAME = Map.of("population.name", "李明", "project.name",
			"三合村产业路硬化工程", "project.village", "三合村");

	private static final String DATE = "2024-03-01";

	private Examples() {
	}

	/** An example of a whole message: the envelope around example data. */
	public static ObjectNode message(ContractFiles.EventDoc event) {
		JsonNode data = data(event);
		EventSchemas.EventType type = event.type();
		ObjectNode message = NODES.objectNode();
		message.put("specversion", "1.0");
		message.put("id", uuid("event:" + type.type()));
		message.put("source", "/resettlement/" + UNIT_CODE + "/" + type.context() + "-service");
		message.put("type", type.type());
		message.put("subject", Fields.subjectValue(Fields.subject(event.schema()), data));
		message.put("time", "2024-03-01T08:30:00Z");
		message.put("datacontenttype", "application/json");
		message.put("dataschema", type.schemaId());
		message.put("unitcode", UNIT_CODE);
		message.set("data", data);
		return message;
	}

	public static JsonNode data(ContractFiles.EventDoc event) {
		return value(event.schema(), event.schema(), event.type().context(), "", event.type().context());
	}

	private static JsonNode value(JsonNode root, JsonNode raw, String context, String name, String seed) {
		JsonNode schema = Fields.resolve(root, raw);
		if (schema.has("const")) {
			return schema.get("const");
		}
		if (schema.has("enum")) {
			for (JsonNode v : schema.get("enum")) {
				if (!v.isNull()) {
					return v;
				}
			}
			return schema.get("enum").get(0);
		}
		List<String> types = Fields.types(schema);
		String type = types.stream().filter((t) -> !t.equals("null")).findFirst().orElse("null");
		Object known = BY_CONTEXT_AND_NAME.getOrDefault(context + "." + name, BY_NAME.get(name));
		switch (type) {
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				schema.path("properties")
					.properties()
					.forEach((p) -> object.set(p.getKey(),
							value(root, p.getValue(), context, p.getKey(), seed + "." + p.getKey())));
				return object;
			}
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				int count = Math.max(1, schema.path("minItems").asInt(1));
				JsonNode items = schema.path("items");
				for (int i = 0; i < count; i++) {
					array.add(value(root, items, context, singular(name), seed + "[" + i + "]"));
				}
				return array;
			}
			case "integer", "number" -> {
				long value;
				if (known instanceof Integer i) {
					value = i;
				}
				else if (name.endsWith("Fen")) {
					value = 60_000;
				}
				else {
					value = 3;
				}
				long min = schema.has("minimum") ? schema.get("minimum").asLong() : Long.MIN_VALUE;
				long max = schema.has("maximum") ? schema.get("maximum").asLong() : Long.MAX_VALUE;
				return NODES.numberNode(Math.min(max, Math.max(min, value)));
			}
			case "boolean" -> {
				return NODES.booleanNode(false);
			}
			case "string" -> {
				return NODES.stringNode(string(schema, name, known, seed));
			}
			default -> {
				return NODES.nullNode();
			}
		}
	}

	private static String string(JsonNode schema, String name, Object known, String seed) {
		String format = schema.path("format").asString("");
		if (known instanceof String s && (!schema.has("pattern") || s.matches(schema.get("pattern").asString()))) {
			return s;
		}
		switch (format) {
			case "uuid" -> {
				// the same field name gives the same id in every example: a migrant is
				// one person
				return uuid(name.isEmpty() ? seed : name);
			}
			case "date" -> {
				return DATE;
			}
			case "date-time" -> {
				return "2024-03-01T08:30:00Z";
			}
			default -> {
			}
		}
		if (schema.has("pattern")) {
			return RegexExample.of(schema.get("pattern").asString());
		}
		int min = schema.path("minLength").asInt(1);
		String text = "示例";
		while (text.length() < min) {
			text = text + "示例";
		}
		return text;
	}

	private static String singular(String name) {
		return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
	}

	static String uuid(String seed) {
		return UUID.nameUUIDFromBytes(("resettlement-example:" + seed).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** A GB 11643 ID number of the unit's area with its check digit. */
	static String idNumber(String birthAndSequence) {
		String body = UNIT_CODE + birthAndSequence;
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * weights[i];
		}
		return body + "10X98765432".charAt(sum % 11);
	}

}
