package cn.resettlement.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTests {

	private final EventSchemas schemas = EventSchemas.instance();

	private static final String VALID = """
			{"specversion":"1.0","id":"8d3c1f0e-6a43-4c5e-9b1a-3f0b6f3c2a10",
			 "source":"/resettlement/430582/population-service",
			 "type":"resettlement.population.HouseholdRegistered.v1",
			 "subject":"2b1f6a2e-7d0c-4a8e-9a51-0c6f2d9e8b77","time":"2024-03-01T08:00:00Z",
			 "datacontenttype":"application/json",
			 "dataschema":"urn:resettlement:events:population:HouseholdRegistered:v1","unitcode":"430582",
			 "data":{"householdId":"2b1f6a2e-7d0c-4a8e-9a51-0c6f2d9e8b77","householdNo":"H-0001",
			   "townshipCode":"430582101","village":"三合村","reservoir":"红旗水库",
			   "areaType":"RESERVOIR_AREA","relocatedOn":"2001-05-01"}}
			""";

	@Test
	void acceptsAValidEvent() {
		assertThat(this.schemas.validate(VALID)).isEmpty();
	}

	@Test
	void rejectsDataThatBreaksItsSchema() {
		String broken = VALID.replace("\"430582101\"", "\"4305821\"").replace("\"2001-05-01\"", "\"2001-02-30\"");
		assertThat(this.schemas.validate(broken)).hasSize(2)
			.anySatisfy((m) -> assertThat(m).contains("townshipCode"))
			.anySatisfy((m) -> assertThat(m).contains("relocatedOn"));
	}

	@Test
	void rejectsAnEnvelopeWithoutId() {
		assertThat(this.schemas.validate(VALID.replace("\"id\":\"8d3c1f0e-6a43-4c5e-9b1a-3f0b6f3c2a10\",", "")))
			.anySatisfy((m) -> assertThat(m).contains("id"));
	}

	@Test
	void rejectsUnknownTypesAndAMismatchedDataschema() {
		assertThat(this.schemas.validate(VALID.replace("HouseholdRegistered.v1", "HouseholdVanished.v1")))
			.containsExactly("no schema for type resettlement.population.HouseholdVanished.v1");
		assertThat(this.schemas.validate(VALID.replace(":HouseholdRegistered:v1", ":MigrantRegistered:v1")))
			.anySatisfy((m) -> assertThat(m).contains("dataschema"));
	}

	@Test
	void rejectsMalformedJson() {
		assertThat(this.schemas.validate("{\"specversion\":")).singleElement()
			.satisfies((m) -> assertThat(m).startsWith("not JSON"));
	}

	@Test
	void everySchemaFileIsNamedAfterItsIdAndDescribesEveryField() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Path root = Path.of("src/main/resources/schemas");
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter((p) -> !p.getParent().equals(root) && p.toString().endsWith(".json")).toList();
		}
		assertThat(files).isNotEmpty();
		for (Path file : files) {
			JsonNode schema = json.readTree(file.toFile());
			String context = file.getParent().getFileName().toString();
			String[] nameAndVersion = file.getFileName().toString().replace(".json", "").split("\\.v");
			assertThat(schema.get("$id").asString()).as(file.toString())
				.isEqualTo("urn:resettlement:events:" + context + ":" + nameAndVersion[0] + ":v" + nameAndVersion[1]);
			assertThat(schema.get("description").asString()).as(file + " description").isNotBlank();
			assertThat(schema.get("additionalProperties").asBoolean(true)).as(file + " is closed").isFalse();
			assertThat(
					this.schemas.knows("resettlement." + context + "." + nameAndVersion[0] + ".v" + nameAndVersion[1]))
				.isTrue();
		}
	}

}
