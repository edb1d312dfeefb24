package cn.resettlement.gateway;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.resettlement.platform.security.Role;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication at the door: without a valid token nothing reaches a service, and the
 * answer is a 401 problem; with one the request goes through, token and all, and the
 * service validates it again.
 */
class AuthenticationIntegrationTests {

	private final Platform platform = Platform.get();

	static Iterable<Arguments> invalidTokens() {
		return java.util.List.of(Arguments.of("no token", null),
				Arguments.of("expired",
						TestTokens.builder("alice", null, Role.STAFF).expiredAgo(Duration.ofMinutes(5)).sign()),
				Arguments.of("signed with an unknown key",
						TestTokens.builder("alice", null, Role.STAFF).signedWithUnknownKey().sign()),
				Arguments.of("from another issuer",
						TestTokens.builder("alice", null, Role.STAFF).issuer("https://evil.example").sign()),
				Arguments.of("for another audience",
						TestTokens.builder("alice", null, Role.STAFF).audience("another-platform").sign()),
				Arguments.of("not a JWT", "not-a-token"));
	}

	@ParameterizedTest(name = "{0} → 401")
	@MethodSource("invalidTokens")
	void rejectsRequestsWithoutAValidTokenAtTheDoor(String description, String token) {
		String path = "/api/v1/subsidies/batches/" + UUID.randomUUID();
		Http client = (token != null) ? this.platform.http().as(token) : this.platform.http();

		Http.Response response = client.get(path);

		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.at("/type")).isEqualTo("/problems/unauthenticated");
		assertThat(response.at("/status")).isEqualTo("401");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(this.platform.subsidies.receivedAt(path)).as("nothing reached the service").isEmpty();
	}

	@ParameterizedTest(name = "{0} → 401 for population")
	@MethodSource("invalidTokens")
	void rejectsTheSameTokensBeforeTheRealService(String description, String token) {
		Http client = (token != null) ? this.platform.http().as(token) : this.platform.http();

		Http.Response response = client.post("/api/v1/population/households",
				PopulationFixtures.householdBody(Platform.OWN_TOWNSHIP));

		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.at("/type")).isEqualTo("/problems/unauthenticated");
	}

	@Test
	void relaysAValidTokenToTheServiceWhichValidatesItAgain() {
		String token = TestTokens.staff(Platform.user("relay"));
		String path = "/api/v1/subsidies/batches/" + UUID.randomUUID();

		Http.Response response = this.platform.http().as(token).get(path);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(this.platform.subsidies.receivedAt(path)).singleElement()
			.satisfies((received) -> assertThat(received.header("Authorization")).isEqualTo("Bearer " + token));
		Http.Response household = this.platform.http()
			.as(token)
			.post("/api/v1/population/households", PopulationFixtures.householdBody(Platform.OWN_TOWNSHIP));
		assertThat(household.status()).as(household.toString()).isEqualTo(201);
	}

	@Test
	void theServiceItselfRejectsACallThatBypassesTheGatewayWithoutAToken() {
		Http.Response response = this.platform.populationDirect()
			.with("X-User", "admin")
			.with("X-Roles", "ADMIN")
			.get("/api/v1/population/migrants");

		assertThat(response.status()).as(response.toString()).isEqualTo(401);
	}

}
