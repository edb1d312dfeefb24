package cn.resettlement.gateway.routing;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocumentsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void pointsTheDocumentAtTheGatewayAndAddsBearerAuthentication() {
		String service = """
				{"openapi":"3.1.0","servers":[{"url":"http://10.0.0.7:8081","description":"Generated server url"}],
				 "paths":{"/api/v1/population/migrants":{}},"components":{"schemas":{"A":{}}}}""";

		JsonNode rewritten = JSON.readTree(ApiDocuments.throughGateway(service).block());

		assertThat(rewritten.at("/servers").size()).isEqualTo(1);
		assertThat(rewritten.at("/servers/0/url").asString()).isEqualTo("/");
		assertThat(rewritten.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(rewritten.at("/components/schemas/A").isObject()).isTrue();
		assertThat(rewritten.at("/security/0/bearer").isArray()).isTrue();
		assertThat(rewritten.at("/paths").has("/api/v1/population/migrants")).isTrue();
	}

	@Test
	void keepsAServicesOwnSecurityDeclarations() {
		String service = """
				{"openapi":"3.1.0","security":[{"oidc":[]}],
				 "components":{"securitySchemes":{"bearer":{"type":"http","scheme":"bearer","description":"own"}}}}""";

		JsonNode rewritten = JSON.readTree(ApiDocuments.throughGateway(service).block());

		assertThat(rewritten.at("/security/0").has("oidc")).isTrue();
		assertThat(rewritten.at("/components/securitySchemes/bearer/description").asString()).isEqualTo("own");
	}

	@Test
	void passesAnythingButAnOpenApiObjectThrough() {
		assertThat(ApiDocuments.throughGateway("<html>down</html>").block()).isEqualTo("<html>down</html>");
		assertThat(ApiDocuments.throughGateway("[1]").block()).isEqualTo("[1]");
	}

}
