package cn.resettlement.gateway.routing;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document as clients of the gateway need it: the server is the
 * gateway (the service's own address is internal), and every operation takes a bearer
 * token, so Swagger UI offers "Authorize".
 */
final class ApiDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiDocuments() {
	}

	static Mono<String> throughGateway(String document) {
		if (document == null) {
			return Mono.empty();
		}
		JsonNode root;
		try {
			root = JSON.readTree(document);
		}
		catch (JacksonException ex) {
			return Mono.just(document);
		}
		if (!(root instanceof ObjectNode openApi)) {
			return Mono.just(document);
		}
		ArrayNode servers = openApi.putArray("servers");
		servers.addObject().put("url", "/").put("description", "the gateway");
		ObjectNode schemes = openApi.withObject("/components").withObject("/securitySchemes");
		if (!schemes.has("bearer")) {
			schemes.putObject("bearer").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
		}
		if (!openApi.has("security")) {
			openApi.putArray("security").addObject().putArray("bearer");
		}
		return Mono.just(JSON.writeValueAsString(openApi));
	}

}
