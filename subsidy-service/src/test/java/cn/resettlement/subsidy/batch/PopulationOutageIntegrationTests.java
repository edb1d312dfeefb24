package cn.resettlement.subsidy.batch;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.resettlement.platform.web.ApiException;
import cn.resettlement.subsidy.Fixtures;
import cn.resettlement.subsidy.PopulationServiceInitializer;
import cn.resettlement.subsidy.bulk.TransactionalJobs;
import cn.resettlement.subsidy.integration.RosterEntry;
import cn.resettlement.subsidy.integration.RosterPage;
import cn.resettlement.subsidy.policy.Period;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.ServiceProcess;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static cn.resettlement.subsidy.Fixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * population-service down: generation fails fast with a 503 problem and writes nothing,
 * the circuit opens (answers without calling), and closes again once the service is back;
 * a roster read that breaks off after its first page leaves no half batch.
 */
@IntegrationTest
class PopulationOutageIntegrationTests {

	private static boolean policySet;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	TimeLimiterRegistry timeLimiters;

	@Autowired
	BatchGeneration generation;

	@Autowired
	Batches batches;

	@Autowired
	TransactionTemplate transactions;

	Fixtures fixtures;

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client);
		if (!policySet) {
			Fixtures.register(Fixtures.TOWNSHIP);
			this.fixtures.policy(2021, "QUARTERLY");
			policySet = true;
		}
	}

	@Test
	void aDownPopulationServiceFailsFastOpensTheCircuitAndRecovers() {
		ServiceProcess population = PopulationServiceInitializer.population();
		TestHttp staff = this.fixtures.staff();
		Map<String, Object> body = Map.of("year", 2021, "period", "2021-Q1");
		population.kill();
		try {
			long start = System.nanoTime();
			TestHttp.Response down = staff.post(BASE + "/batches", body);
			assertThat(down.status()).as(down.toString()).isEqualTo(503);
			assertThat(down.at("/type")).isEqualTo("/problems/dependency-unavailable");
			assertThat(down.at("/detail")).contains("population-service");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(batchesOf("2021-Q1")).isZero();

			await().atMost(Duration.ofSeconds(30))
				.until(() -> staff.post(BASE + "/batches", body).status() == 503
						&& rosterBreaker().getState() == CircuitBreaker.State.OPEN);
			start = System.nanoTime();
			TestHttp.Response open = staff.post(BASE + "/batches", body);
			assertThat(open.status()).isEqualTo(503);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("an open circuit answers without calling")
				.isLessThan(Duration.ofMillis(1500));
			assertThat(rosterBreaker().getMetrics().getNumberOfNotPermittedCalls()).isPositive();
			assertThat(batchesOf("2021-Q1")).isZero();
		}
		finally {
			population.startAgain();
		}
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(staff.post(BASE + "/batches", body).status()).isEqualTo(201));
		assertThat(rosterBreaker().getState()).isIn(CircuitBreaker.State.CLOSED, CircuitBreaker.State.HALF_OPEN);
		assertThat(batchesOf("2021-Q1")).isEqualTo(1);
	}

	@Test
	void aRosterReadThatBreaksOffLeavesNoHalfBatch() {
		Period period = Period.parse("2021-Q2");
		Batch batch = this.transactions.execute((status) -> this.batches.insertGenerating(UUID.randomUUID(), period,
				BatchKind.REGULAR, null, period.start(), 60_000));
		// the first page arrived; the next one cannot be read (its cursor is unknown to
		// population-service, as after an expired or lost snapshot)
		RosterPage first = new RosterPage(period.start(), UUID.randomUUID(), 3, List.of(person(), person()),
				"bm90LWEtY3Vyc29y");
		String token = TestTokens.staff("alice");
		SecurityContextHolder.getContext()
			.setAuthentication(new JwtAuthenticationToken(Jwt.withTokenValue(token)
				.header("alg", "RS256")
				.subject("alice")
				.claim("roles", List.of("STAFF"))
				.build()));
		try {
			assertThatExceptionOfType(ApiException.class)
				.isThrownBy(() -> this.generation.generateAsJob(batch, first, TransactionalJobs.NO_PROGRESS))
				.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(503));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(this.batches.find(batch.id()).orElseThrow().status()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.jdbc.sql("select count(*) from subsidy_line where batch_id = ?")
			.param(batch.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.fixtures.staff().get(BASE + "/batches/" + batch.id()).at("/failureMessage")).isNotBlank();
	}

	@Test
	void rosterReadsAreTimeLimitedLongerForTheSnapshottingFirstPage() {
		assertThat(this.timeLimiters.find("PopulationClientfirstRosterPageStringint"))
			.hasValueSatisfying((limiter) -> assertThat(limiter.getTimeLimiterConfig().getTimeoutDuration())
				.isEqualTo(Duration.ofSeconds(120)));
		assertThat(this.timeLimiters.find("population"))
			.as("every other call of the population client (the Feign group)")
			.hasValueSatisfying((limiter) -> assertThat(limiter.getTimeLimiterConfig().getTimeoutDuration())
				.isEqualTo(Duration.ofSeconds(15)));
		assertThat(this.timeLimiters.find("PopulationClientnextRosterPageStringStringint")).isEmpty();
	}

	private static RosterEntry person() {
		return new RosterEntry(UUID.randomUUID(), cn.resettlement.testsupport.TestIdNumbers.unique(), "李明",
				Fixtures.TOWNSHIP, "三合村", "H-1", Fixtures.card(), LocalDate.of(2006, 7, 1), LocalDate.of(2026, 6, 30));
	}

	private CircuitBreaker rosterBreaker() {
		return this.breakers.getAllCircuitBreakers()
			.stream()
			.filter((breaker) -> breaker.getName().contains("firstRosterPage"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no breaker of the roster read among "
					+ this.breakers.getAllCircuitBreakers().stream().map(CircuitBreaker::getName).toList()));
	}

	private long batchesOf(String period) {
		return this.jdbc.sql("select count(*) from disbursement_batch where period = ?")
			.param(period)
			.query(Long.class)
			.single();
	}

}
