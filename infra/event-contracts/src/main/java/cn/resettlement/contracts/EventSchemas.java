package cn.resettlement.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published event contract: the CloudEvents envelope schema and one JSON Schema per
 * event type and version, loaded from {@code schemas/} on the class path. The same files
 * are the source of the AsyncAPI document and the event catalogue.
 */
public final class EventSchemas {

	/** {@code resettlement.<context>.<Name>.v<version>} */
	private static final Pattern TYPE = Pattern.compile("^resettlement\\.([a-z]+)\\.([A-Z][A-Za-z]+)\\.v([0-9]+)$");

	private static final EventSchemas INSTANCE = new EventSchemas();

	private final JsonMapper json = JsonMapper.builder().build();

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			builder -> builder
				.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private final Schema envelope = load("schemas/cloudevent.v1.json");

	private final Map<String, Schema> dataSchemas = new ConcurrentHashMap<>();

	private EventSchemas() {
	}

	public static EventSchemas instance() {
		return INSTANCE;
	}

	/**
	 * Class-path location of the data schema of a CloudEvents type, e.g.
	 * {@code schemas/population/MigrantRegistered.v1.json}.
	 */
	public static String dataSchemaPath(String type) {
		EventType parsed = EventType.parse(type);
		return "schemas/" + parsed.context() + "/" + parsed.name() + ".v" + parsed.version() + ".json";
	}

	/** Whether the contract has a schema for this CloudEvents type. */
	public boolean knows(String type) {
		return EventType.matches(type) && EventSchemas.class.getClassLoader().getResource(dataSchemaPath(type)) != null;
	}

	/**
	 * Validates one message as it travels on a topic: the envelope, then {@code data}
	 * against the schema of its {@code type}, and that {@code dataschema} names that
	 * schema.
	 * @return the violations; empty when the message is valid
	 */
	public List<String> validate(String message) {
		JsonNode event;
		try {
			event = this.json.readTree(message);
		}
		catch (JacksonException ex) {
			return List.of("not JSON: " + ex.getOriginalMessage());
		}
		return validate(event);
	}

	public List<String> validate(JsonNode event) {
		List<String> problems = new ArrayList<>(messages(this.envelope.validate(event)));
		if (!problems.isEmpty()) {
			return problems;
		}
		String type = event.get("type").asString();
		if (!knows(type)) {
			return List.of("no schema for type " + type);
		}
		EventType parsed = EventType.parse(type);
		String expectedSchema = parsed.schemaId();
		if (!expectedSchema.equals(event.get("dataschema").asString())) {
			problems.add("dataschema should be " + expectedSchema);
		}
		Schema data = this.dataSchemas.computeIfAbsent(type, (t) -> load(dataSchemaPath(t)));
		problems.addAll(messages(data.validate(event.get("data"))).stream().map((m) -> "data" + m).toList());
		return problems;
	}

	private static List<String> messages(List<Error> errors) {
		return errors.stream().map((e) -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
	}

	private Schema load(String path) {
		try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("No schema at " + path);
			}
			return this.registry.getSchema(this.json.readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The parts of a CloudEvents type of this platform. */
	public record EventType(String context, String name, int version) {

		public static boolean matches(String type) {
			return type != null && TYPE.matcher(type).matches();
		}

		public static EventType parse(String type) {
			Matcher m = TYPE.matcher(type == null ? "" : type);
			if (!m.matches()) {
				throw new IllegalArgumentException("Not a resettlement event type: " + type);
			}
			return new EventType(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
		}

		public String type() {
			return "resettlement." + this.context + "." + this.name + ".v" + this.version;
		}

		public String schemaId() {
			return "urn:resettlement:events:" + this.context + ":" + this.name + ":v" + this.version;
		}

		/**
		 * The topic this type travels on: {@code resettlement.<context>.v1}, or for a
		 * snapshot type (a name ending in {@code Snapshot}) the context's compacted
		 * {@code resettlement.<context>.snapshot.v1}, which live consumers never see.
		 */
		public String topic() {
			return snapshot() ? "resettlement." + this.context + ".snapshot.v1"
					: "resettlement." + this.context + ".v1";
		}

		/**
		 * Whether this is a snapshot type: the current state of an aggregate re-published
		 * for late subscribers, not a change.
		 */
		public boolean snapshot() {
			return this.name.endsWith("Snapshot");
		}

	}

}
