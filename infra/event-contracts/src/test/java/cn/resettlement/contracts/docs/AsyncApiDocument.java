package cn.resettlement.contracts.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import cn.resettlement.contracts.EventSchemas;

/**
 * The generated regions of {@code infra/asyncapi/asyncapi.yaml}: one channel per topic
 * (live, snapshot, dead letters), one send operation per channel and one message per
 * schema file, whose payload is the envelope schema with {@code data} referring to the
 * schema file (never a copy). Info, servers and security stay hand-written.
 */
public final class AsyncApiDocument {

	/** From infra/asyncapi/ to the schema folder. */
	public static final String SCHEMA_DIR = "../event-contracts/src/main/resources/schemas/";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final int PARTITIONS = 12;

	private static final int PRODUCTION_REPLICAS = 3;

	private static final String BINDING_VERSION = "0.5.0";

	private AsyncApiDocument() {
	}

	/** The document with its generated regions brought up to date. */
	public static String render(String document) {
		Map<String, JsonNode> regions = new LinkedHashMap<>();
		regions.put("channels", channels());
		regions.put("operations", operations());
		regions.put("messages", messages());
		return Yaml.replaceRegions(document, regions);
	}

	private static ObjectNode channels() {
		ObjectNode channels = NODES.objectNode();
		for (String context : ContractFiles.contexts()) {
			List<ContractFiles.EventDoc> live = events(context, false);
			List<ContractFiles.EventDoc> snapshots = events(context, true);
			if (!live.isEmpty()) {
				ObjectNode channel = channel(live.get(0).type().topic(), context + " events", "Every change of the "
						+ context + " context, published by " + context
						+ "-service through its transactional outbox. Key = aggregate id (= CloudEvents subject): "
						+ "the events of one aggregate are in one partition, in the order they were committed. "
						+ "Kept for ever: replay from the beginning rebuilds the whole history.", live);
				channel.set("bindings", kafka(live.get(0).type().topic(), "delete", -1L));
				channels.set(context, channel);
			}
			if (!snapshots.isEmpty()) {
				ObjectNode channel = channel(snapshots.get(0).type().topic(), context + " snapshots",
						"The current state of every " + context + " aggregate, re-published on demand "
								+ "(an ADMIN starts a snapshot job) for a subscriber that joins late or lost data. "
								+ "Compacted: the latest snapshot per key stays. Live consumers never see these "
								+ "messages. Read it from the beginning, then read the live topic from the "
								+ "snapshot's takenAt.",
						snapshots);
				channel.set("bindings", kafka(snapshots.get(0).type().topic(), "compact", null));
				channels.set(context + "Snapshot", channel);
			}
			if (!live.isEmpty()) {
				String topic = live.get(0).type().topic() + ".dlt";
				ObjectNode channel = NODES.objectNode();
				channel.put("address", topic);
				channel.put("title", context + " dead letters");
				channel.put("description", "Messages of " + live.get(0).type().topic()
						+ " that a consuming service of the platform could not process after bounded retries, "
						+ "with their original key and value and the error in headers. Internal to the platform "
						+ "(operators); subscribers have no access. Kept 30 days.");
				ObjectNode messages = NODES.objectNode();
				messages.set("deadLetter", ref("#/components/messages/deadLetter"));
				channel.set("messages", messages);
				ObjectNode bindings = kafka(topic, "delete", 30L * 24 * 3600 * 1000);
				channel.set("bindings", bindings);
				channels.set(context + "DeadLetters", channel);
			}
		}
		return channels;
	}

	private static ObjectNode channel(String topic, String title, String description,
			List<ContractFiles.EventDoc> events) {
		ObjectNode channel = NODES.objectNode();
		channel.put("address", topic);
		channel.put("title", title);
		channel.put("description", description);
		ObjectNode messages = NODES.objectNode();
		for (ContractFiles.EventDoc event : events) {
			messages.set(event.messageId(), ref("#/components/messages/" + event.messageId()));
		}
		channel.set("messages", messages);
		return channel;
	}

	private static ObjectNode kafka(String topic, String cleanupPolicy, Long retentionMs) {
		ObjectNode binding = NODES.objectNode();
		binding.put("topic", topic);
		binding.put("partitions", PARTITIONS);
		binding.put("replicas", PRODUCTION_REPLICAS);
		ObjectNode configuration = binding.putObject("topicConfiguration");
		configuration.putArray("cleanup.policy").add(cleanupPolicy);
		if (retentionMs != null) {
			configuration.put("retention.ms", retentionMs);
		}
		binding.put("bindingVersion", BINDING_VERSION);
		ObjectNode bindings = NODES.objectNode();
		bindings.set("kafka", binding);
		return bindings;
	}

	private static ObjectNode operations() {
		ObjectNode operations = NODES.objectNode();
		for (String context : ContractFiles.contexts()) {
			for (boolean snapshot : new boolean[] { false, true }) {
				List<ContractFiles.EventDoc> events = events(context, snapshot);
				if (events.isEmpty()) {
					continue;
				}
				String channel = snapshot ? context + "Snapshot" : context;
				ObjectNode operation = NODES.objectNode();
				operation.put("action", "send");
				operation.set("channel", ref("#/channels/" + channel));
				operation.put("title",
						snapshot ? "Re-publish " + context + " state as snapshots" : "Publish " + context + " events");
				operation.put("description", snapshot
						? context + "-service publishes one snapshot per aggregate when an ADMIN starts a snapshot job "
								+ "(acks=all, idempotent producer). Re-running a snapshot publishes the state again; "
								+ "compaction keeps the latest per key."
						: context + "-service publishes each committed change once or more (at-least-once: the "
								+ "outbox relay may resend after a crash; a resent message keeps its CloudEvents id). "
								+ "De-duplicate by id. Order holds per key (aggregate), not across keys.");
				ArrayNode messages = operation.putArray("messages");
				for (ContractFiles.EventDoc event : events) {
					messages.add(ref("#/channels/" + channel + "/messages/" + event.messageId()));
				}
				operations.set(
						(snapshot ? "publish" + capitalised(context) + "Snapshots" : "publish" + capitalised(context)),
						operation);
			}
			if (!events(context, false).isEmpty()) {
				ObjectNode deadLetters = NODES.objectNode();
				deadLetters.put("action", "send");
				deadLetters.set("channel", ref("#/channels/" + context + "DeadLetters"));
				deadLetters.put("title", "Dead-letter " + context + " events");
				deadLetters.put("description",
						"A consuming service of the platform sends a message it could not "
								+ "process (after 3 retries with backoff, or at once when malformed) here, so one bad "
								+ "message never blocks a partition.");
				deadLetters.putArray("messages").add(ref("#/channels/" + context + "DeadLetters/messages/deadLetter"));
				operations.set("deadLetter" + capitalised(context), deadLetters);
			}
		}
		return operations;
	}

	private static ObjectNode messages() {
		ObjectNode messages = NODES.objectNode();
		for (ContractFiles.EventDoc event : ContractFiles.events()) {
			EventSchemas.EventType type = event.type();
			ObjectNode message = NODES.objectNode();
			message.put("name", type.name());
			message.put("title", type.name() + " v" + type.version());
			message.put("summary", firstSentence(event.description()));
			message.put("description",
					event.description() + "\n\nType `" + type.type() + "` on `" + type.topic() + "`; key and subject: `"
							+ Fields.subject(event.schema()) + "`. Fields, units and an example: " + "docs/events.md#"
							+ EventCatalogue.anchor(event) + ".");
			message.put("contentType", "application/cloudevents+json");
			message.putArray("traits").add(ref("#/components/messageTraits/cloudEvent"));
			ObjectNode payload = message.putObject("payload");
			ArrayNode allOf = payload.putArray("allOf");
			allOf.add(ref(SCHEMA_DIR + ContractFiles.ENVELOPE));
			ObjectNode specific = allOf.addObject();
			specific.put("type", "object");
			ObjectNode properties = specific.putObject("properties");
			properties.putObject("type").put("const", type.type());
			properties.putObject("dataschema").put("const", type.schemaId());
			properties.set("data", ref(SCHEMA_DIR + event.file()));
			ObjectNode example = message.putArray("examples").addObject();
			example.put("name", type.name() + "Example");
			example.put("summary", "A " + type.name() + " v" + type.version() + " message (schema-valid)");
			example.putObject("headers").put("content-type", "application/cloudevents+json");
			example.set("payload", Examples.message(event));
			messages.set(event.messageId(), message);
		}
		return messages;
	}

	private static List<ContractFiles.EventDoc> events(String context, boolean snapshot) {
		return ContractFiles.events()
			.stream()
			.filter((e) -> e.type().context().equals(context) && e.type().snapshot() == snapshot)
			.toList();
	}

	private static ObjectNode ref(String target) {
		ObjectNode ref = NODES.objectNode();
		ref.put("$ref", target);
		return ref;
	}

	private static String capitalised(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	private static String firstSentence(String text) {
		int end = text.indexOf(". ");
		return (end < 0) ? text : text.substring(0, end + 1);
	}

}
