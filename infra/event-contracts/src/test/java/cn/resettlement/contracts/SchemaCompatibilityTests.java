package cn.resettlement.contracts;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import cn.resettlement.contracts.docs.ContractFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compatibility check fed deliberately broken and deliberately compatible changes of
 * real published schemas.
 */
class SchemaCompatibilityTests {

	private static final JsonNode ADJUSTED = schema("population/MigrantAdjusted.v1.json");

	private static final JsonNode COMPLETED = schema("training/TrainingClassCompleted.v1.json");

	private static final JsonNode FUNDED = schema("project/ProjectFunded.v1.json");

	@Test
	void everySchemaIsCompatibleWithItself() {
		for (String file : ContractFiles.schemaFiles()) {
			JsonNode schema = schema(file);
			assertThat(SchemaCompatibility.check(schema, schema.deepCopy())).as(file).isEmpty();
		}
	}

	@Test
	void rejectsARemovedField() {
		assertThat(breaks(ADJUSTED, (s) -> {
			properties(s).remove("documentNo");
		})).containsExactly("documentNo: field removed");
	}

	@Test
	void rejectsARemovedRequiredField() {
		assertThat(breaks(ADJUSTED, (s) -> {
			properties(s).remove("idNumber");
			removeRequired(s, "idNumber");
		})).containsExactly("idNumber: field removed");
	}

	@Test
	void rejectsARetypedField() {
		assertThat(breaks(ADJUSTED, (s) -> {
			ObjectNode field = (ObjectNode) properties(s).get("effectiveDate");
			field.put("type", "integer");
			field.remove("format");
		})).containsExactly("effectiveDate: type changed from string to integer (retyped field)",
				"effectiveDate: format \"date\" removed (loosened)");
	}

	@Test
	void rejectsAFieldThatBecameNullable() {
		assertThat(breaks(ADJUSTED,
				(s) -> ((ObjectNode) properties(s).get("idNumber")).putArray("type").add("string").add("null")))
			.singleElement()
			.asString()
			.contains("idNumber: type widened from string to null|string");
	}

	@Test
	void rejectsANewRequiredField() {
		assertThat(breaks(ADJUSTED, (s) -> {
			properties(s).putObject("reason").put("type", "string");
			((ArrayNode) s.get("required")).add("reason");
		})).containsExactly("reason: new required field");
	}

	@Test
	void rejectsAnOptionalFieldThatBecameRequired() {
		assertThat(breaks(ADJUSTED, (s) -> ((ArrayNode) s.get("required")).add("documentNo")))
			.containsExactly("documentNo: optional field became required");
	}

	@Test
	void rejectsARequiredFieldThatBecameOptional() {
		assertThat(breaks(ADJUSTED, (s) -> removeRequired(s, "decidedOn")))
			.containsExactly("decidedOn: required field became optional");
	}

	@Test
	void rejectsARemovedEnumValue() {
		assertThat(breaks(ADJUSTED, (s) -> ((ArrayNode) properties(s).get("type").get("enum")).remove(5)))
			.containsExactly("type: enum value \"REINSTATED\" removed (narrowed enum)");
	}

	@Test
	void rejectsAnAddedEnumValue() {
		assertThat(breaks(ADJUSTED, (s) -> ((ArrayNode) properties(s).get("type").get("enum")).add("EMIGRATED")))
			.singleElement()
			.asString()
			.startsWith("type: enum value \"EMIGRATED\" added");
	}

	@Test
	void rejectsATightenedPatternAndAChangedFormat() {
		assertThat(breaks(ADJUSTED, (s) -> {
			((ObjectNode) properties(s).get("townshipCode")).put("pattern", "^430[0-9]{6}$");
			((ObjectNode) properties(s).get("adjustmentId")).put("format", "uri");
		})).containsExactlyInAnyOrder("townshipCode: pattern changed from \"^[0-9]{9}$\" to \"^430[0-9]{6}$\"",
				"adjustmentId: format changed from \"uuid\" to \"uri\"");
	}

	@Test
	void rejectsChangedLimitsEitherWay() {
		assertThat(breaks(COMPLETED, (s) -> {
			((ObjectNode) properties(s).get("personsCompleted")).put("minimum", 2);
			((ObjectNode) properties(s).get("title")).remove("minLength");
		})).containsExactlyInAnyOrder("personsCompleted: minimum changed from 1 to 2 (tightened)",
				"title: minLength 1 removed (loosened)");
	}

	@Test
	void rejectsOpeningOrClosingAnObject() {
		assertThat(breaks(ADJUSTED, (s) -> s.put("additionalProperties", true))).singleElement()
			.asString()
			.contains("additionalProperties changed from false to open (opened)");
		JsonNode open = ADJUSTED.deepCopy();
		((ObjectNode) open).remove("additionalProperties");
		assertThat(SchemaCompatibility.check(open, ADJUSTED)).singleElement().asString().contains("(closed)");
	}

	@Test
	void rejectsARemovedFieldOfArrayItems() {
		assertThat(breaks(COMPLETED,
				(s) -> ((ObjectNode) s.at("/properties/trainees/items/properties")).remove("certificateNo")))
			.containsExactly("trainees[].certificateNo: field removed");
	}

	@Test
	void rejectsAChangeInsideAReferencedDefinition() {
		assertThat(breaks(FUNDED,
				(s) -> ((ObjectNode) s.at("/$defs/allocationShare/properties/amountFen")).put("type", "number")))
			.containsExactly("funding.amountFen: type changed from integer to number (retyped field)");
	}

	@Test
	void rejectsAChangedIdOrConst() {
		JsonNode registered = schema("population/MigrantRegistered.v1.json");
		assertThat(breaks(registered, (s) -> {
			s.put("$id", "urn:resettlement:events:population:MigrantRegistered:v2");
			((ObjectNode) properties(s).get("status")).put("const", "REMOVED");
		})).containsExactly(
				"$id changed from \"urn:resettlement:events:population:MigrantRegistered:v1\" to \"urn:resettlement:events:population:MigrantRegistered:v2\"",
				"status: const changed from \"ACTIVE\" to \"REMOVED\"");
	}

	@Test
	void acceptsANewOptionalField() {
		assertThat(breaks(ADJUSTED,
				(s) -> properties(s).putObject("documentDate")
					.put("type", "string")
					.put("format", "date")
					.put("description", "Date of the approving document.")))
			.isEmpty();
		assertThat(
				breaks(COMPLETED, (s) -> ((ObjectNode) s.at("/properties/trainees/items/properties")).putObject("grade")
					.put("type", "string")))
			.isEmpty();
	}

	@Test
	void acceptsChangedDescriptionsTitlesAndExamples() {
		assertThat(breaks(ADJUSTED, (s) -> {
			s.put("description", "Reworded.");
			s.put("title", "MigrantAdjusted, version 1");
			((ObjectNode) properties(s).get("idNumber")).put("description", "The person's ID number.");
			((ObjectNode) properties(s).get("idNumber")).putArray("examples").add("430582198003151234");
		})).isEmpty();
	}

	@Test
	void acceptsReorganisedDefinitionsThatResolveToTheSameSchema() {
		assertThat(breaks(FUNDED, (s) -> {
			ObjectNode defs = (ObjectNode) s.get("$defs");
			defs.set("share", defs.remove("allocationShare"));
			((ObjectNode) properties(s).get("funding")).put("$ref", "#/$defs/share");
		})).isEmpty();
	}

	private static List<String> breaks(JsonNode published, Consumer<ObjectNode> change) {
		ObjectNode current = (ObjectNode) published.deepCopy();
		change.accept(current);
		return SchemaCompatibility.check(published, current);
	}

	private static ObjectNode properties(ObjectNode schema) {
		return (ObjectNode) schema.get("properties");
	}

	private static void removeRequired(ObjectNode schema, String field) {
		ArrayNode required = (ArrayNode) schema.get("required");
		for (int i = 0; i < required.size(); i++) {
			if (required.get(i).asString().equals(field)) {
				required.remove(i);
				return;
			}
		}
	}

	private static JsonNode schema(String file) {
		return ContractFiles.read(ContractFiles.SCHEMAS.resolve(file));
	}

}
