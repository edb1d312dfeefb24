package cn.resettlement.gateway;

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
 * A down or slow service gives a prompt problem, never a hang: 503 when it does not
 * accept connections (and while its circuit is open), 504 when it does not answer within
 * the route's timeout, and service again as soon as it is back. Only idempotent reads are
 * retried.
 */
class ResilienceIntegrationTests {

	private final Platform platform = Platform.get();

	@Test
	void aStoppedServiceGives503WithinTheTimeoutOpensItsCircuitAndRecoversWhenItReturns() {
		Http staff = this.platform.http().as(TestTokens.staff(Platform.user("outage")));
		String path = "/api/v1/population/migrants";
		assertThat(staff.get(path).status()).isEqualTo(200);

		this.platform.population.kill();
		try {
			Http.Response down = staff.get(path);
			assertThat(down.status()).as(down.toString()).isEqualTo(503);
			assertThat(down.contentType()).isEqualTo("application/problem+json");
			assertThat(down.at("/type")).isEqualTo("/problems/unavailable");
			assertThat(down.elapsed()).as("well within the 10 s route timeout").isLessThan(Duration.ofSeconds(3));
			// a write is refused the same way (and is never retried)
			Http.Response write = staff.post("/api/v1/population/households",
					PopulationFixtures.householdBody(Platform.OWN_TOWNSHIP));
			assertThat(write.status()).isEqualTo(503);

			Http.Response open = await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> staff.get(path), (r) -> r.status() == 503 && r.header("Retry-After") != null);
			assertThat(open.status()).as("the circuit is open").isEqualTo(503);
			assertThat(open.at("/detail")).contains("population");
			assertThat(open.elapsed()).isLessThan(Duration.ofSeconds(1));
		}
		finally {
			this.platform.population.startAgain();
		}

		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> staff.get(path).status() == 200);
		assertThat(staff.post("/api/v1/population/households", PopulationFixtures.householdBody(Platform.OWN_TOWNSHIP))
			.status()).isEqualTo(201);
	}

	@Test
	void aServiceThatDoesNotAnswerGives504AtTheRouteTimeout() {
		Http staff = this.platform.http().as(TestTokens.staff(Platform.user("patient-client")));

		Http.Response response = staff.get("/api/v1/projects/" + UUID.randomUUID());

		assertThat(response.status()).as(response.toString()).isEqualTo(504);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.at("/type")).isEqualTo("/problems/timeout");
		assertThat(response.elapsed()).isGreaterThanOrEqualTo(Platform.SLOW_ROUTE_TIMEOUT.minusMillis(100))
			.isLessThan(Platform.SLOW_ROUTE_TIMEOUT.plusSeconds(2));
	}

	@Test
	void aServiceNobodyListensForGives503AtOnce() {
		Http staff = this.platform.http().as(TestTokens.staff(Platform.user("reports-reader")));

		Http.Response response = staff.get("/api/v1/reports/2025/performance");

		assertThat(response.status()).as(response.toString()).isEqualTo(503);
		assertThat(response.at("/type")).isEqualTo("/problems/unavailable");
		assertThat(response.elapsed()).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aReadWhoseConnectionDroppedIsRetriedOnceButAWriteIsNot() {
		Http staff = this.platform.http().as(TestTokens.staff(Platform.user("flaky")));
		String read = "/api/v1/subsidies/drop-first/" + UUID.randomUUID();
		String write = "/api/v1/subsidies/drop-first/" + UUID.randomUUID();

		Http.Response readResponse = staff.get(read);
		Http.Response writeResponse = staff.post(write, Map.of("year", 2025));

		assertThat(readResponse.status()).as(readResponse.toString()).isEqualTo(200);
		assertThat(this.platform.subsidies.receivedAt(read)).hasSize(2);
		assertThat(writeResponse.status()).as(writeResponse.toString()).isEqualTo(502);
		assertThat(writeResponse.contentType()).isEqualTo("application/problem+json");
		assertThat(this.platform.subsidies.receivedAt(write)).as("never sent twice").hasSize(1);
	}

	@Test
	void putsNoConcurrencyCapOnARouteOnlyServicesLimitTheirOwn() {
		int concurrent = 40;
		this.platform.subsidies.holdTogether(concurrent);
		List<Http.Response> responses;
		ExecutorService clients = Executors.newFixedThreadPool(concurrent);
		try {
			List<CompletableFuture<Http.Response>> calls = IntStream.range(0, concurrent)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> this.platform.http()
					.as(TestTokens.staff(Platform.user("crowd")))
					.get("/api/v1/subsidies/together/" + i), clients))
				.toList();
			responses = calls.stream().map(CompletableFuture::join).toList();
		}
		finally {
			clients.shutdownNow();
		}

		assertThat(responses).extracting(Http.Response::status).containsOnly(200);
		assertThat(this.platform.subsidies.wereTogether()).as("all %d were in flight at once", concurrent).isTrue();
	}

	@Test
	void aHostListIsLoadBalancedRoundRobin() {
		Http staff = this.platform.http().as(TestTokens.staff(Platform.user("balanced")));
		String path = "/api/v1/training/classes/" + UUID.randomUUID();

		for (int i = 0; i < 4; i++) {
			assertThat(staff.get(path).status()).isEqualTo(200);
		}

		assertThat(this.platform.trainingA.receivedAt(path)).hasSize(2);
		assertThat(this.platform.trainingB.receivedAt(path)).hasSize(2);
	}

}
