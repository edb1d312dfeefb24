package cn.resettlement.contracts.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.resettlement.contracts.EventSchemas;

/**
 * The contract as files, seen from the event-contracts module directory (where Surefire
 * runs the tests): the schemas, the published baselines and the generated documents.
 */
public final class ContractFiles {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	/** Where the schemas live. */
	public static final Path SCHEMAS = Path.of("src/main/resources/schemas");

	/** The frozen copies of every published schema version. */
	public static final Path PUBLISHED = Path.of("src/test/resources/published");

	/** The repository root. */
	public static final Path ROOT = Path.of("../..");

	public static final Path CATALOGUE = ROOT.resolve("docs/events.md");

	public static final Path SUBSCRIBER_GUIDE = ROOT.resolve("docs/provincial-subscriber.md");

	public static final Path ASYNCAPI = ROOT.resolve("infra/asyncapi/asyncapi.yaml");

	/** The envelope schema, relative to {@link #SCHEMAS}. */
	public static final String ENVELOPE = "cloudevent.v1.json";

	/** Contexts in the order of the architecture (others follow alphabetically). */
	static final List<String> CONTEXTS = List.of("population", "subsidy", "project", "training", "petition");

	private static List<EventDoc> events;

	private ContractFiles() {
	}

	/** Every schema file (envelope included), relative to {@link #SCHEMAS}, sorted. */
	public static List<String> schemaFiles() {
		return jsonFiles(SCHEMAS);
	}

	/** Every baseline file, relative to {@link #PUBLISHED}, sorted. */
	public static List<String> publishedFiles() {
		return Files.isDirectory(PUBLISHED) ? jsonFiles(PUBLISHED) : List.of();
	}

	private static List<String> jsonFiles(Path root) {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter((p) -> p.toString().endsWith(".json"))
				.map((p) -> root.relativize(p).toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every event type of the contract, by context (architecture order) then name and
	 * version.
	 */
	public static synchronized List<EventDoc> events() {
		if (events == null) {
			events = List.copyOf(readEvents());
		}
		return events;
	}

	private static List<EventDoc> readEvents() {
		List<EventDoc> events = new ArrayList<>();
		for (String file : schemaFiles()) {
			if (file.equals(ENVELOPE)) {
				continue;
			}
			String context = file.substring(0, file.indexOf('/'));
			String[] nameAndVersion = file.substring(file.indexOf('/') + 1).replace(".json", "").split("\\.v");
			EventSchemas.EventType type = new EventSchemas.EventType(context, nameAndVersion[0],
					Integer.parseInt(nameAndVersion[1]));
			events.add(new EventDoc(type, file, read(SCHEMAS.resolve(file))));
		}
		events.sort(Comparator.comparing((EventDoc e) -> contextRank(e.type().context()))
			.thenComparing((e) -> e.type().context())
			.thenComparing((e) -> e.type().snapshot())
			.thenComparing((e) -> e.type().name())
			.thenComparing((e) -> e.type().version()));
		return events;
	}

	/** Contexts that have events, in architecture order. */
	public static List<String> contexts() {
		return events().stream().map((e) -> e.type().context()).distinct().toList();
	}

	static int contextRank(String context) {
		int rank = CONTEXTS.indexOf(context);
		return (rank < 0) ? CONTEXTS.size() : rank;
	}

	public static JsonNode read(Path file) {
		return JSON.readTree(file.toFile());
	}

	public static String text(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void write(Path file, String text) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One event type and version.
	 *
	 * @param type the CloudEvents type
	 * @param file schema file relative to {@link #SCHEMAS}
	 * @param schema the data schema
	 */
	public record EventDoc(EventSchemas.EventType type, String file, JsonNode schema) {

		public String description() {
			return this.schema.path("description").asString("");
		}

		/**
		 * Id used for AsyncAPI messages and anchors:
		 * {@code population.MigrantRegistered.v1}.
		 */
		public String messageId() {
			return this.type.context() + "." + this.type.name() + ".v" + this.type.version();
		}

	}

}
