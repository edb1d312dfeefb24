package cn.resettlement.systemtest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The parts of a performance report that do not depend on when it was read. */
final class Figures {

	private Figures() {
	}

	static JsonNode of(JsonNode performance) {
		ObjectNode copy = (ObjectNode) performance.deepCopy();
		copy.remove("generatedAt");
		copy.remove("lastEventAt");
		copy.remove("consumerLag");
		copy.remove("freshness");
		return copy;
	}

}
