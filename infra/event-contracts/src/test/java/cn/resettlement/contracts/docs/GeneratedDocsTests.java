package cn.resettlement.contracts.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import cn.resettlement.contracts.EventSchemas;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents generated from the schemas are up to date: {@code docs/events.md}, the
 * generated regions of {@code infra/asyncapi/asyncapi.yaml} and the personal-data table
 * of {@code docs/provincial-subscriber.md}. Run with {@code -Dcontracts.write=true} to
 * rewrite them (see {@link EventCatalogue#REFRESH}); the copies are also written under
 * {@code target/generated-docs/} on every run.
 */
class GeneratedDocsTests {

	private static final boolean WRITE = Boolean.getBoolean("contracts.write");

	private static final Path OUT = Path.of("target/generated-docs");

	private static final Pattern PERSONAL_DATA = Pattern
		.compile("(<!-- BEGIN GENERATED personal-data[^>]*-->\\n)[\\s\\S]*?(<!-- END GENERATED personal-data -->)");

	@Test
	void theEventCatalogueIsGeneratedFromTheSchemas() {
		check(ContractFiles.CATALOGUE, EventCatalogue.render());
	}

	@Test
	void theAsyncApiDocumentListsEverySchema() {
		check(ContractFiles.ASYNCAPI, AsyncApiDocument.render(ContractFiles.text(ContractFiles.ASYNCAPI)));
	}

	@Test
	void theSubscriberGuideShowsThePersonalDataOfEveryEvent() {
		String guide = ContractFiles.text(ContractFiles.SUBSCRIBER_GUIDE);
		Matcher region = PERSONAL_DATA.matcher(guide);
		assertThat(region.find()).as("docs/provincial-subscriber.md has a personal-data region").isTrue();
		String table = PersonalData.table(ContractFiles.events());
		check(ContractFiles.SUBSCRIBER_GUIDE,
				guide.substring(0, region.end(1)) + table + "\n" + guide.substring(region.start(2)));
	}

	@Test
	void everyExampleIsAValidMessage() {
		EventCatalogue.examples()
			.forEach((id, example) -> assertThat(EventSchemas.instance().validate(example)).as(id + ": " + example)
				.isEmpty());
	}

	@Test
	void theAsyncApiDocumentRefersToEverySchemaFileAndToNothingElse() {
		JsonNode document = new YAMLMapper().readTree(ContractFiles.ASYNCAPI.toFile());
		Set<String> referenced = new TreeSet<>();
		collectSchemaRefs(document, referenced);
		assertThat(referenced).as("schema files referenced by infra/asyncapi/asyncapi.yaml")
			.containsExactlyInAnyOrderElementsOf(ContractFiles.schemaFiles());
		JsonNode messages = document.at("/components/messages");
		for (ContractFiles.EventDoc event : ContractFiles.events()) {
			JsonNode message = messages.get(event.messageId());
			assertThat(message).as(event.messageId()).isNotNull();
			assertThat(message.at("/payload/allOf/1/properties/type/const").asString()).isEqualTo(event.type().type());
			assertThat(message.at("/payload/allOf/1/properties/data/$ref").asString())
				.isEqualTo(AsyncApiDocument.SCHEMA_DIR + event.file());
			assertThat(document.at("/channels").findValues("address").stream().map(JsonNode::asString))
				.contains(event.type().topic());
		}
	}

	private static void collectSchemaRefs(JsonNode node, Set<String> into) {
		if (node.isObject()) {
			JsonNode ref = node.get("$ref");
			if (ref != null && ref.asString().startsWith(AsyncApiDocument.SCHEMA_DIR)) {
				String file = ref.asString().substring(AsyncApiDocument.SCHEMA_DIR.length());
				assertThat(ContractFiles.SCHEMAS.resolve(file)).as("$ref " + ref.asString()).exists();
				into.add(file);
			}
		}
		node.forEach((child) -> collectSchemaRefs(child, into));
	}

	private static void check(Path file, String expected) {
		ContractFiles.write(OUT.resolve(file.getFileName()), expected);
		if (WRITE) {
			ContractFiles.write(file, expected);
			return;
		}
		String actual = Files.exists(file) ? ContractFiles.text(file) : "";
		assertThat(actual)
			.as("%s is out of date with the schemas. Regenerate it from the repository root with%n  %s%n"
					+ "(the expected text is in infra/event-contracts/%s)", file.normalize(), EventCatalogue.REFRESH,
					OUT.resolve(file.getFileName()))
			.isEqualTo(expected);
	}

}
