package cn.resettlement.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Swagger UI at the gateway lists every service's OpenAPI document, each fetched
 * through the gateway and pointed at it.
 */
class ApiDocsIntegrationTests {

	private final Platform platform = Platform.get();

	@Test
	void theSwaggerUiListsEveryService() {
		Http.Response ui = this.platform.http().get("/swagger-ui.html");
		Http.Response config = this.platform.http().get("/v3/api-docs/gateway/swagger-config");

		assertThat(ui.status()).isEqualTo(302);
		assertThat(this.platform.http().get(ui.header("Location")).body()).contains("swagger-ui");
		assertThat(config.json().get("urls").valueStream().map((u) -> u.get("url").asString()))
			.containsExactlyInAnyOrder("/v3/api-docs/population", "/v3/api-docs/subsidy", "/v3/api-docs/project",
					"/v3/api-docs/training", "/v3/api-docs/petition", "/v3/api-docs/reporting");
	}

	@Test
	void aServicesDocumentIsServedThroughTheGatewayWithoutAToken() {
		Http.Response document = this.platform.http().get("/v3/api-docs/population");

		assertThat(document.status()).as(document.toString()).isEqualTo(200);
		assertThat(document.json().get("paths").propertyNames()).contains("/api/v1/population/migrants",
				"/api/v1/population/migrants/{id}", "/api/v1/population/households");
		assertThat(document.at("/servers/0/url")).as("clients call the gateway").isEqualTo("/");
		assertThat(document.at("/components/securitySchemes/bearer/scheme")).isEqualTo("bearer");
		assertThat(document.json().get("security").toString()).contains("bearer");
		assertThat(List.of(document.body())).noneMatch((b) -> b.contains(this.platform.population.baseUrl()));
	}

}
