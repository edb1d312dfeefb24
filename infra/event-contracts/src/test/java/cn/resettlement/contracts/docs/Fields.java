package cn.resettlement.contracts.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/** The fields of a data schema, flattened for tables: {@code trainees[].idNumber}. */
public final class Fields {

	private static final Pattern SUBJECT_SENTENCE = Pattern.compile("Subject: ([^.]+)\\.");

	/**
	 * Meanings of common fields for schemas that leave them undescribed (the catalogue
	 * needs a meaning for every field; describing them in the schema wins).
	 */
	static final Map<String, String> COMMON_MEANINGS = Map.ofEntries(
			Map.entry("adjustmentId", "Id of the dynamic adjustment (动态调整) record."),
			Map.entry("migrantId", "Migrant id in population-service (the MigrantRegistered subject)."),
			Map.entry("householdId", "The household (户) in population-service (the HouseholdRegistered subject)."),
			Map.entry("householdNo", "Household number (户编号), unique within the unit."),
			Map.entry("idNumber", "18-character resident ID number (GB 11643)."),
			Map.entry("name", "Name as on the ID card."), Map.entry("townshipCode", "9-digit township (乡镇/街道) code."),
			Map.entry("village", "Village or residents' committee (村/居委会) name."),
			Map.entry("category", "ORIGINAL 原迁移民 (relocated before 2006-07-01) or NEW 新增/新迁 (relocated later)."),
			Map.entry("supportStart", "First day of the 20-year post-relocation support term."),
			Map.entry("supportEnd", "Last day of the support term (inclusive)."),
			Map.entry("status", "Status of the person: ACTIVE on the register."),
			Map.entry("previousStatus", "Status before the adjustment: ACTIVE or REMOVED (核减)."),
			Map.entry("newStatus", "Status after the adjustment: ACTIVE or REMOVED (核减)."),
			Map.entry("type",
					"Kind of adjustment: ADDITION 补录, DEATH 死亡核减, MOVED_OUT 迁出核减, DUPLICATE 重复登记核减, DISQUALIFIED 不符合条件核减, REINSTATED 恢复."),
			Map.entry("changedFields",
					"Names of the corrected fields; a corrected card account or phone is named here but its value never travels."));

	private Fields() {
	}

	/**
	 * One field.
	 *
	 * @param path dotted path, {@code []} for array items
	 * @param name the field's own name
	 * @param schema its schema (local references resolved)
	 * @param required whether its object requires it
	 * @param siblings the other properties of its object
	 */
	public record Field(String path, String name, JsonNode schema, boolean required, JsonNode siblings) {

		public String type() {
			return Fields.type(this.schema);
		}

		public String format() {
			return Fields.format(this.name, this.schema);
		}

		public String description() {
			String description = this.schema.path("description").asString("");
			return description.isEmpty() ? COMMON_MEANINGS.getOrDefault(this.name, "") : description;
		}

		public boolean nullable() {
			return types(this.schema).contains("null");
		}

	}

	public static List<Field> of(JsonNode root) {
		List<Field> fields = new ArrayList<>();
		walk(root, root, "", fields);
		return fields;
	}

	private static void walk(JsonNode root, JsonNode object, String prefix, List<Field> fields) {
		JsonNode properties = object.path("properties");
		List<String> required = new ArrayList<>();
		object.path("required").forEach((r) -> required.add(r.asString()));
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			JsonNode schema = resolve(root, property.getValue());
			String path = prefix + property.getKey();
			fields.add(new Field(path, property.getKey(), schema, required.contains(property.getKey()), properties));
			if (schema.has("properties")) {
				walk(root, schema, path + ".", fields);
			}
			JsonNode items = schema.has("items") ? resolve(root, schema.get("items")) : null;
			if (items != null && items.has("properties")) {
				walk(root, items, path + "[].", fields);
			}
		}
	}

	/** Follows a local {@code $ref}, keeping the referring schema's own keywords. */
	public static JsonNode resolve(JsonNode root, JsonNode schema) {
		if (!schema.has("$ref") || !schema.get("$ref").asString().startsWith("#")) {
			return schema;
		}
		JsonNode target = resolve(root, root.at(schema.get("$ref").asString().substring(1)));
		var merged = ((tools.jackson.databind.node.ObjectNode) target).deepCopy();
		schema.properties().forEach((e) -> {
			if (!e.getKey().equals("$ref")) {
				merged.set(e.getKey(), e.getValue());
			}
		});
		return merged;
	}

	static List<String> types(JsonNode schema) {
		List<String> types = new ArrayList<>();
		JsonNode type = schema.get("type");
		if (type != null && type.isArray()) {
			type.forEach((t) -> types.add(t.asString()));
		}
		else if (type != null) {
			types.add(type.asString());
		}
		return types;
	}

	/**
	 * {@code string}, {@code integer | null}, {@code enum}, {@code array of object} ...
	 */
	static String type(JsonNode schema) {
		if (schema.has("const")) {
			return "const";
		}
		List<String> types = types(schema);
		if (schema.has("enum")) {
			return types.contains("null") ? "enum | null" : "enum";
		}
		if (types.isEmpty()) {
			return "any";
		}
		List<String> shown = new ArrayList<>();
		for (String t : types) {
			if (t.equals("array") && schema.has("items")) {
				JsonNode items = schema.get("items");
				shown.add("array of " + (items.has("$ref") || items.has("properties") ? "object" : type(items)));
			}
			else {
				shown.add(t);
			}
		}
		return String.join(" | ", shown);
	}

	/** Format, unit and constraints a subscriber needs to parse and store the value. */
	static String format(String name, JsonNode schema) {
		List<String> parts = new ArrayList<>();
		if (schema.has("const")) {
			parts.add("always `" + schema.get("const").asString() + "`");
		}
		if (schema.has("enum")) {
			List<String> values = new ArrayList<>();
			schema.get("enum").forEach((v) -> values.add(v.isNull() ? "null" : "`" + v.asString() + "`"));
			parts.add(String.join(", ", values));
		}
		JsonNode items = schema.path("items");
		if (items.has("enum")) {
			List<String> values = new ArrayList<>();
			items.get("enum").forEach((v) -> values.add("`" + v.asString() + "`"));
			parts.add("each one of " + String.join(", ", values));
		}
		String format = schema.has("format") ? schema.get("format").asString() : items.path("format").asString("");
		switch (format) {
			case "uuid" -> parts.add("UUID");
			case "date" -> parts.add("date `YYYY-MM-DD` (calendar date in Asia/Shanghai)");
			case "date-time" -> parts.add("instant, RFC 3339, UTC");
			case "" -> {
			}
			default -> parts.add(format);
		}
		if (name.endsWith("Fen") && types(schema).contains("integer")) {
			parts.add("amount in fen (分; 100 fen = 1 yuan)");
		}
		if (schema.has("pattern")) {
			parts.add("pattern `" + schema.get("pattern").asString() + "`");
		}
		String range = range(schema, "minimum", "maximum");
		if (range != null) {
			parts.add(range);
		}
		String length = range(schema, "minLength", "maxLength");
		if (length != null) {
			parts.add("length " + length);
		}
		String count = range(schema, "minItems", "maxItems");
		if (count != null) {
			parts.add("items " + count);
		}
		if (schema.path("uniqueItems").asBoolean(false)) {
			parts.add("unique items");
		}
		return String.join("; ", parts);
	}

	private static String range(JsonNode schema, String min, String max) {
		if (!schema.has(min) && !schema.has(max)) {
			return null;
		}
		if (schema.has(min) && schema.has(max)) {
			return schema.get(min).asString() + "–" + schema.get(max).asString();
		}
		return schema.has(min) ? "≥ " + schema.get(min).asString() : "≤ " + schema.get(max).asString();
	}

	/**
	 * What the CloudEvents subject (and Kafka key) of an event is: a top-level field
	 * name, or a template such as {@code training-plan-<year>}. Read from a "Subject:
	 * ..." sentence of the schema description or the field described as the event
	 * subject.
	 */
	public static String subject(JsonNode schema) {
		JsonNode properties = schema.path("properties");
		Matcher sentence = SUBJECT_SENTENCE.matcher(schema.path("description").asString(""));
		if (sentence.find()) {
			String said = sentence.group(1).trim();
			Matcher id = Pattern.compile("^the ([a-z]+) id$").matcher(said);
			if (id.find() && properties.has(id.group(1) + "Id")) {
				return id.group(1) + "Id";
			}
			Matcher field = Pattern.compile("^the ([a-zA-Z]+)$").matcher(said);
			if (field.find() && properties.has(field.group(1))) {
				return field.group(1);
			}
			if (said.contains("<")) {
				return said;
			}
		}
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			if (property.getValue().path("description").asString("").toLowerCase().contains("the event subject")) {
				return property.getKey();
			}
		}
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			if (property.getValue().path("format").asString("").equals("uuid")) {
				return property.getKey();
			}
		}
		throw new IllegalStateException("Cannot tell the subject of " + schema.path("$id").asString()
				+ ": say 'Subject: the <x> id.' in its description");
	}

	/** The subject of an event with this data. */
	public static String subjectValue(String subject, JsonNode data) {
		if (!subject.contains("<")) {
			return data.get(subject).asString();
		}
		Matcher placeholder = Pattern.compile("<([a-zA-Z]+)>").matcher(subject);
		StringBuilder value = new StringBuilder();
		while (placeholder.find()) {
			placeholder.appendReplacement(value, Matcher.quoteReplacement(data.get(placeholder.group(1)).asString()));
		}
		placeholder.appendTail(value);
		return value.toString();
	}

}
