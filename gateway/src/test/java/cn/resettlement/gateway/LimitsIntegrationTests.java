package cn.resettlement.gateway;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Limits at the door: request body size (413), per-user rate (429 with Retry-After) and
 * CORS for the internal web clients' origins only.
 */
class LimitsIntegrationTests {

	private final Platform platform = Platform.get();

	@Test
	void aBodyOverTheLimitIsRefusedWithoutReachingTheService() {
		String path = "/api/v1/subsidies/policies/" + UUID.randomUUID();
		Http client = this.platform.http().as(TestTokens.staff(Platform.user("big-body")));

		Http.Response response = client.with("Content-Type", "application/json")
			.send("PUT", path, HttpRequest.BodyPublishers.ofByteArray(new byte[Platform.BODY_LIMIT + 1]));

		assertThat(response.status()).as(response.toString()).isEqualTo(413);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.at("/type")).isEqualTo("/problems/payload-too-large");
		assertThat(this.platform.subsidies.receivedAt(path)).isEmpty();
		Http.Response atTheLimit = client.with("Content-Type", "application/json")
			.send("PUT", path, HttpRequest.BodyPublishers.ofByteArray(new byte[Platform.BODY_LIMIT]));
		assertThat(atTheLimit.status()).isEqualTo(200);
		assertThat(this.platform.subsidies.receivedAt(path)).singleElement()
			.satisfies((received) -> assertThat(received.bodySize()).isEqualTo(Platform.BODY_LIMIT));
	}

	@Test
	void aPathTheFirewallRefusesIsAProblemToo() {
		Http client = this.platform.http().as(TestTokens.staff(Platform.user("nul-path")));

		Http.Response response = client.get("/api/v1/population/migrants/%00");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.at("/type")).isEqualTo("/problems/malformed-request");
	}

	@Test
	void aLongRequestLineReachesTheServiceWhichNamesTheParameter() {
		Http client = this.platform.http().as(TestTokens.staff(Platform.user("long-query")));

		Http.Response response = client.get("/api/v1/population/migrants?q=" + "x".repeat(5000));

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.toString()).contains("q");
	}

	@Test
	void aBodyOfUnknownLengthIsCutOffAtTheLimit() {
		Http client = this.platform.http().as(TestTokens.staff(Platform.user("chunked-body")));

		Http.Response response = client.with("Content-Type", "application/json")
			.send("POST", "/api/v1/population/households", HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(new byte[Platform.BODY_LIMIT * 2])));

		assertThat(response.status()).as(response.toString()).isEqualTo(413);
		assertThat(response.at("/type")).isEqualTo("/problems/payload-too-large");
	}

	@Test
	void aBodyOverTheLimitIsRefusedBeforeTheRealService() {
		Map<String, Object> household = new java.util.LinkedHashMap<>(
				PopulationFixtures.householdBody(Platform.OWN_TOWNSHIP));
		household.put("address", "x".repeat(Platform.BODY_LIMIT));
		Http admin = this.platform.http().as(TestTokens.admin(Platform.user("big-household")));

		Http.Response response = admin.post("/api/v1/population/households", household);

		assertThat(response.status()).as(response.toString()).isEqualTo(413);
	}

	@Test
	void uploadPathsTakeLargerBodies() {
		String path = "/api/v1/subsidies/batches/" + UUID.randomUUID() + "/results";
		Http client = this.platform.http()
			.as(TestTokens.staff(Platform.user("uploader")))
			.with("Content-Type", "text/csv");

		Http.Response upload = client.send("POST", path,
				HttpRequest.BodyPublishers.ofByteArray(new byte[Platform.BODY_LIMIT * 2]));
		Http.Response tooLarge = client.send("POST", path,
				HttpRequest.BodyPublishers.ofByteArray(new byte[Platform.UPLOAD_LIMIT + 1]));

		assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
		assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
	}

	@Test
	void aUserOverTheRateLimitGets429WithRetryAfterWhileOthersGoOn() {
		Http greedy = this.platform.http().as(TestTokens.staff(Platform.user("greedy")));
		String path = "/api/v1/subsidies/batches";
		List<Http.Response> responses;
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<Http.Response>> calls = IntStream.range(0, Platform.RATE_LIMIT_BURST * 2)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> greedy.get(path), threads))
				.toList();
			responses = calls.stream().map(CompletableFuture::join).toList();
		}
		finally {
			threads.shutdownNow();
		}

		List<Http.Response> limited = responses.stream().filter((r) -> r.status() == 429).toList();
		assertThat(limited).as("a burst of twice the limit").isNotEmpty();
		assertThat(responses.stream().filter((r) -> r.status() == 200).count())
			.isGreaterThanOrEqualTo(Platform.RATE_LIMIT_BURST);
		Http.Response tooMany = limited.get(0);
		assertThat(tooMany.contentType()).isEqualTo("application/problem+json");
		assertThat(tooMany.at("/type")).isEqualTo("/problems/too-many-requests");
		assertThat(Integer.parseInt(tooMany.header("Retry-After"))).isBetween(1, 2);
		Http.Response someoneElse = this.platform.http().as(TestTokens.staff(Platform.user("patient"))).get(path);
		assertThat(someoneElse.status()).as("the limit is per user").isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> greedy.get(path).status() == 200);
	}

	@Test
	void answersPreflightRequestsOfTheWebClientsOriginOnly() {
		Http preflight = this.platform.http()
			.with("Access-Control-Request-Method", "POST")
			.with("Access-Control-Request-Headers", "authorization, content-type, idempotency-key");

		Http.Response allowed = preflight.with("Origin", Platform.WEB_ORIGIN)
			.send("OPTIONS", "/api/v1/population/migrants", HttpRequest.BodyPublishers.noBody());
		Http.Response foreign = preflight.with("Origin", "https://evil.example")
			.send("OPTIONS", "/api/v1/population/migrants", HttpRequest.BodyPublishers.noBody());

		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(Platform.WEB_ORIGIN);
		assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");
		assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("idempotency-key");
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
		Http.Response actual = this.platform.http()
			.as(TestTokens.staff(Platform.user("web-client")))
			.with("Origin", Platform.WEB_ORIGIN)
			.get("/api/v1/population/migrants");
		assertThat(actual.status()).isEqualTo(200);
		assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo(Platform.WEB_ORIGIN);
		assertThat(actual.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
	}

}
