package cn.resettlement.gateway;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every request carries a request id and W3C trace context to the service and back, and
 * leaves one access log line — user, route, status, latency — without tokens or ID
 * numbers.
 */
class ObservabilityIntegrationTests {

	private final Platform platform = Platform.get();

	@Test
	void keepsTheClientsRequestIdAndTraceAndPassesThemToTheService() {
		String path = "/api/v1/subsidies/batches/" + UUID.randomUUID();
		String requestId = "web-" + UUID.randomUUID() + ".42";
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";

		Http.Response response = this.platform.http()
			.as(TestTokens.staff(Platform.user("traced")))
			.with("X-Request-Id", requestId)
			.with("traceparent", traceparent)
			.with("tracestate", "vendor=abc")
			.get(path);

		assertThat(response.header("X-Request-Id")).isEqualTo(requestId);
		StubService.Received received = this.platform.subsidies.receivedAt(path).get(0);
		assertThat(received.header("X-Request-Id")).isEqualTo(requestId);
		assertThat(received.header("traceparent")).isEqualTo(traceparent);
		assertThat(received.header("tracestate")).isEqualTo("vendor=abc");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.platform.gateway.log()
				.lines()
				.anyMatch((l) -> l.contains("request_id=" + requestId) && l.contains("trace_id=" + traceId)));
	}

	@Test
	void startsARequestIdAndTraceWhenTheClientSentNoneOrGarbage() {
		String path = "/api/v1/subsidies/batches/" + UUID.randomUUID();

		Http.Response response = this.platform.http()
			.as(TestTokens.staff(Platform.user("untraced")))
			.with("X-Request-Id", "evil\tvalue; rm -rf")
			.with("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
			.with("tracestate", "vendor=stale")
			.get(path);

		String requestId = response.header("X-Request-Id");
		assertThat(requestId).matches("[0-9a-f-]{36}");
		StubService.Received received = this.platform.subsidies.receivedAt(path).get(0);
		assertThat(received.header("X-Request-Id")).isEqualTo(requestId);
		assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
			.doesNotContain("00000000000000000000000000000000");
		assertThat(received.header("tracestate")).as("state of a broken trace is dropped").isNull();
	}

	@Test
	void theRealServiceContinuesTheTrace() {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		Http.Response response = this.platform.http()
			.as(TestTokens.staff(Platform.user("traced-population")))
			.with("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.get("/api/v1/population/migrants/" + UUID.randomUUID());
		assertThat(response.status()).as(response.toString()).isEqualTo(404);

		// the service's latency histogram keeps the trace id of a recent request as an
		// exemplar: the trace the client started reached the service's own tracing
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.platform.populationDirect()
				.with("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
				.get("/actuator/prometheus")
				.body()
				.contains("trace_id=\"" + traceId + "\""));
	}

	@Test
	void writesOneAccessLineWithUserRouteStatusAndLatencyButNoTokenOrIdNumber() {
		String user = Platform.user("logged");
		String token = TestTokens.officer(user, Platform.OWN_TOWNSHIP);
		String requestId = "log-" + UUID.randomUUID();

		Http.Response response = this.platform.http()
			.as(token)
			.with("X-Request-Id", requestId)
			.get("/api/v1/population/migrants/430582199001011234?q=430582199001011234");

		assertThat(response.status()).isEqualTo(400);
		String line = await().atMost(Duration.ofSeconds(10))
			.until(() -> this.platform.gateway.log()
				.lines()
				.filter((l) -> l.contains("request_id=" + requestId))
				.findFirst()
				.orElse(null), (l) -> l != null);
		assertThat(line).contains("cn.resettlement.gateway.access", "GET /api/v1/population/migrants/***",
				"route=population", "status=400", "user=" + user, "latency_ms=", "trace_id=");
		assertThat(line).doesNotContain("430582199001011234", token.substring(token.lastIndexOf('.') + 1), "q=");
		assertThat(this.platform.gateway.log()).doesNotContain(token);
	}

	@Test
	void logsRequestsRefusedAtTheDoorToo() {
		String requestId = "refused-" + UUID.randomUUID();

		this.platform.http().with("X-Request-Id", requestId).get("/api/v1/population/migrants");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.platform.gateway.log()
				.lines()
				.anyMatch((l) -> l.contains("request_id=" + requestId) && l.contains("status=401")
						&& l.contains("user=-")));
	}

}
