package cn.resettlement.contracts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides whether a change to a published schema version keeps the contract. A published
 * version is read in two directions at once: subscribers replay history (every event ever
 * published must stay valid under the current file), and the provincial system upgrades
 * on its own schedule (code written against the published file must still understand what
 * is produced now). So a published version is frozen, with two exceptions:
 * <ul>
 * <li>annotations may change: {@code title}, {@code description}, {@code examples},
 * {@code $comment}, {@code deprecated}, {@code default}, {@code readOnly},
 * {@code writeOnly}, and {@code $defs} may be reorganised as long as what each
 * {@code $ref} resolves to stays the same;</li>
 * <li>a new <em>optional</em> property may be added to an object (subscribers are
 * tolerant readers and ignore fields they do not know).</li>
 * </ul>
 * Everything else is a break that needs a new version ({@code <Name>.v<N+1>.json}): a
 * removed field, a changed {@code type} (narrowed or widened, e.g. made nullable), a new
 * required field, a required field made optional, an enum value removed or added, a
 * changed {@code const}, {@code pattern} or {@code format}, a changed limit
 * ({@code minimum}, {@code maxLength}, {@code minItems} ...), opened or closed
 * {@code additionalProperties}, and any other changed validation keyword.
 */
public final class SchemaCompatibility {

	/** Keywords that do not take part in validation. */
	private static final Set<String> ANNOTATIONS = Set.of("title", "description", "examples", "$comment", "deprecated",
			"default", "readOnly", "writeOnly", "$defs", "definitions");

	/** Keywords compared by their own rules below; every other one must be equal. */
	private static final Set<String> STRUCTURAL = Set.of("properties", "required", "type", "enum", "const", "items",
			"additionalProperties", "$ref");

	private static final int MAX_DEPTH = 32;

	private SchemaCompatibility() {
	}

	/**
	 * Compares a current schema file with its published baseline.
	 * @param published the schema as it was published (the frozen baseline)
	 * @param current the schema as it is now
	 * @return why the change breaks the contract, one line per break; empty when it is
	 * compatible
	 */
	public static List<String> check(JsonNode published, JsonNode current) {
		List<String> problems = new ArrayList<>();
		for (String key : List.of("$schema", "$id")) {
			if (!Objects.equals(published.get(key), current.get(key))) {
				problems.add(key + " changed from " + published.get(key) + " to " + current.get(key));
			}
		}
		new Comparison(published, current, problems).compare(published, current, "", 0);
		return problems;
	}

	private record Comparison(JsonNode oldRoot, JsonNode newRoot, List<String> problems) {

		void compare(JsonNode oldSchema, JsonNode newSchema, String path, int depth) {
			if (depth > MAX_DEPTH) {
				this.problems.add(at(path) + "schemas nest too deep to compare (recursive $ref?)");
				return;
			}
			JsonNode before = resolve(oldSchema, this.oldRoot);
			JsonNode after = resolve(newSchema, this.newRoot);
			if (before.isBoolean() || after.isBoolean()) {
				if (!before.equals(after)) {
					this.problems.add(at(path) + "schema changed from " + before + " to " + after);
				}
				return;
			}
			compareTypes(before, after, path);
			compareEnum(before, after, path);
			compareRequired(before, after, path);
			compareProperties(before, after, path, depth);
			compareSubschema(before, after, "items", path + "[]", depth);
			compareAdditionalProperties(before, after, path, depth);
			compareOthers(before, after, path);
		}

		private void compareTypes(JsonNode before, JsonNode after, String path) {
			Set<String> oldTypes = types(before);
			Set<String> newTypes = types(after);
			if (oldTypes.equals(newTypes)) {
				return;
			}
			String how;
			if (oldTypes.isEmpty() || (!newTypes.isEmpty() && oldTypes.containsAll(newTypes))) {
				how = "narrowed";
			}
			else if (newTypes.isEmpty() || newTypes.containsAll(oldTypes)) {
				how = "widened";
			}
			else {
				how = "changed";
			}
			this.problems.add(at(path) + "type " + how + " from " + describe(oldTypes) + " to " + describe(newTypes)
					+ " (retyped field)");
		}

		private void compareEnum(JsonNode before, JsonNode after, String path) {
			Set<JsonNode> oldValues = values(before.get("enum"));
			Set<JsonNode> newValues = values(after.get("enum"));
			if (before.has("enum") != after.has("enum")) {
				this.problems.add(at(path) + (after.has("enum") ? "restricted to enum " + after.get("enum")
						: "no longer restricted to enum " + before.get("enum")));
				return;
			}
			for (JsonNode value : oldValues) {
				if (!newValues.contains(value)) {
					this.problems.add(at(path) + "enum value " + value + " removed (narrowed enum)");
				}
			}
			for (JsonNode value : newValues) {
				if (!oldValues.contains(value)) {
					this.problems.add(at(path) + "enum value " + value
							+ " added (subscribers cannot interpret a new value: add a new version)");
				}
			}
			if (!Objects.equals(before.get("const"), after.get("const"))) {
				this.problems.add(at(path) + "const changed from " + before.get("const") + " to " + after.get("const"));
			}
		}

		private void compareRequired(JsonNode before, JsonNode after, String path) {
			Set<String> oldRequired = strings(before.get("required"));
			Set<String> newRequired = strings(after.get("required"));
			JsonNode oldProperties = before.path("properties");
			for (String name : newRequired) {
				if (!oldRequired.contains(name)) {
					this.problems.add(at(child(path, name))
							+ (oldProperties.has(name) ? "optional field became required" : "new required field"));
				}
			}
			for (String name : oldRequired) {
				if (!newRequired.contains(name) && after.path("properties").has(name)) {
					this.problems.add(at(child(path, name)) + "required field became optional");
				}
			}
		}

		private void compareProperties(JsonNode before, JsonNode after, String path, int depth) {
			JsonNode oldProperties = before.path("properties");
			JsonNode newProperties = after.path("properties");
			for (Map.Entry<String, JsonNode> property : oldProperties.properties()) {
				String field = child(path, property.getKey());
				JsonNode replacement = newProperties.get(property.getKey());
				if (replacement == null) {
					this.problems.add(at(field) + "field removed");
				}
				else {
					compare(property.getValue(), replacement, field, depth + 1);
				}
			}
			// a new property is fine unless it is required (reported above)
		}

		private void compareSubschema(JsonNode before, JsonNode after, String keyword, String path, int depth) {
			JsonNode oldSchema = before.get(keyword);
			JsonNode newSchema = after.get(keyword);
			if (oldSchema == null && newSchema == null) {
				return;
			}
			if (oldSchema == null || newSchema == null || oldSchema.isArray() || newSchema.isArray()) {
				if (!stripped(oldSchema).equals(stripped(newSchema))) {
					this.problems.add(at(path) + keyword + " changed from " + oldSchema + " to " + newSchema);
				}
				return;
			}
			compare(oldSchema, newSchema, path, depth + 1);
		}

		private void compareAdditionalProperties(JsonNode before, JsonNode after, String path, int depth) {
			JsonNode oldValue = before.get("additionalProperties");
			JsonNode newValue = after.get("additionalProperties");
			boolean oldOpen = oldValue == null || (oldValue.isBoolean() && oldValue.asBoolean());
			boolean newOpen = newValue == null || (newValue.isBoolean() && newValue.asBoolean());
			if (oldOpen && newOpen) {
				return;
			}
			if (oldValue != null && newValue != null && oldValue.isObject() && newValue.isObject()) {
				compare(oldValue, newValue, path + "{*}", depth + 1);
				return;
			}
			if (!Objects.equals(oldValue, newValue)) {
				this.problems
					.add(at(path) + "additionalProperties changed from " + (oldOpen ? "open" : oldValue) + " to "
							+ (newOpen ? "open" : newValue) + (newOpen ? " (opened)" : (oldOpen ? " (closed)" : "")));
			}
		}

		/**
		 * Every other validation keyword (pattern, format, limits ...) must stay equal.
		 */
		private void compareOthers(JsonNode before, JsonNode after, String path) {
			Set<String> keywords = new TreeSet<>();
			before.propertyNames().forEach(keywords::add);
			after.propertyNames().forEach(keywords::add);
			for (String keyword : keywords) {
				if (ANNOTATIONS.contains(keyword) || STRUCTURAL.contains(keyword) || keyword.equals("$schema")
						|| keyword.equals("$id")) {
					continue;
				}
				JsonNode oldValue = stripped(before.get(keyword));
				JsonNode newValue = stripped(after.get(keyword));
				if (!Objects.equals(oldValue, newValue)) {
					this.problems.add(at(path) + change(keyword, before.get(keyword), after.get(keyword)));
				}
			}
		}

		private static String change(String keyword, JsonNode before, JsonNode after) {
			if (before == null) {
				return keyword + " " + after + " added (tightened)";
			}
			if (after == null) {
				return keyword + " " + before + " removed (loosened)";
			}
			String direction = "";
			if (before.isNumber() && after.isNumber()) {
				boolean raised = after.decimalValue().compareTo(before.decimalValue()) > 0;
				boolean lowerBound = keyword.startsWith("min") || keyword.equals("exclusiveMinimum");
				boolean upperBound = keyword.startsWith("max") || keyword.equals("exclusiveMaximum");
				if (lowerBound || upperBound) {
					direction = (raised == lowerBound) ? " (tightened)" : " (loosened)";
				}
			}
			return keyword + " changed from " + before + " to " + after + direction;
		}

		/** Follows a local {@code $ref}; sibling keywords of the reference stay. */
		private JsonNode resolve(JsonNode schema, JsonNode root) {
			JsonNode current = schema;
			for (int hops = 0; current.isObject() && current.has("$ref") && hops < MAX_DEPTH; hops++) {
				String ref = current.get("$ref").asString();
				if (!ref.startsWith("#")) {
					return current;
				}
				JsonNode target = root.at(ref.substring(1));
				if (target.isMissingNode()) {
					this.problems.add("unresolvable $ref " + ref);
					return current;
				}
				if (!target.isObject()) {
					return target;
				}
				ObjectNode merged = ((ObjectNode) target).deepCopy();
				for (Map.Entry<String, JsonNode> sibling : current.properties()) {
					if (!sibling.getKey().equals("$ref")) {
						merged.set(sibling.getKey(), sibling.getValue());
					}
				}
				current = merged;
			}
			return current;
		}

		/** A copy without annotations, for keywords compared as a whole. */
		private static JsonNode stripped(JsonNode node) {
			if (node == null) {
				return null;
			}
			if (node.isObject()) {
				ObjectNode copy = ((ObjectNode) node).deepCopy();
				Iterator<String> names = copy.propertyNames().iterator();
				List<String> remove = new ArrayList<>();
				names.forEachRemaining((name) -> {
					if (ANNOTATIONS.contains(name)) {
						remove.add(name);
					}
				});
				remove.forEach(copy::remove);
				for (Map.Entry<String, JsonNode> entry : copy.properties()) {
					copy.set(entry.getKey(), stripped(entry.getValue()));
				}
				return copy;
			}
			if (node.isArray()) {
				var copy = node.deepCopy();
				for (int i = 0; i < copy.size(); i++) {
					((tools.jackson.databind.node.ArrayNode) copy).set(i, stripped(copy.get(i)));
				}
				return copy;
			}
			return node;
		}

		private static Set<String> types(JsonNode schema) {
			Set<String> types = new TreeSet<>();
			JsonNode type = schema.get("type");
			if (type == null) {
				return types;
			}
			if (type.isArray()) {
				type.forEach((t) -> types.add(t.asString()));
			}
			else {
				types.add(type.asString());
			}
			return types;
		}

		private static String describe(Set<String> types) {
			return types.isEmpty() ? "any" : String.join("|", types);
		}

		private static Set<JsonNode> values(JsonNode array) {
			Set<JsonNode> values = new LinkedHashSet<>();
			if (array != null && array.isArray()) {
				array.forEach(values::add);
			}
			return values;
		}

		private static Set<String> strings(JsonNode array) {
			Set<String> values = new TreeSet<>();
			if (array != null && array.isArray()) {
				array.forEach((v) -> values.add(v.asString()));
			}
			return values;
		}

		private static String child(String path, String name) {
			return path.isEmpty() ? name : path + "." + name;
		}

		private static String at(String path) {
			return (path.isEmpty() ? "(root)" : path) + ": ";
		}

	}

}
