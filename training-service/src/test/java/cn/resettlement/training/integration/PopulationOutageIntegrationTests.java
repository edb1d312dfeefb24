package cn.resettlement.training.integration;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.testsupport.ServiceProcess;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.training.support.PopulationService;
import cn.resettlement.training.support.TrainingIntegrationTest;
import cn.resettlement.training.support.TrainingMother;
import cn.resettlement.training.support.TrainingMother.Person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * population-service killed (kill -9) and started again: enrolment answers a clear 503 in
 * well under the time limit, the breaker opens and answers at once, nobody is enrolled
 * unchecked, and once population-service is back enrolment works again by itself.
 */
@TrainingIntegrationTest
class PopulationOutageIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Resilience4JCircuitBreakerFactory breakers;

	@Test
	void aDownPopulationServiceGivesAFast503EnrolsNobodyAndRecoversByItself() {
		TestHttp staff = new TestHttp(this.client).as(TestTokens.staff("alice"));
		List<Person> trainees = TrainingMother.adults(4, TrainingMother.TOWNSHIP);
		TrainingMother.register(trainees);
		String classId = TrainingMother.openEndedClass(staff, 2025, "10000");
		String enrol = TrainingMother.CLASSES + "/" + classId + "/enrollments";
		ServiceProcess population = PopulationService.process();

		population.kill();
		try {
			long started = System.nanoTime();
			TestHttp.Response refused = staff.post(enrol, TrainingMother.enrolment(trainees.get(0)));
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
			assertThat(refused.contentType()).hasToString("application/problem+json");
			assertThat(refused.at("/type")).isEqualTo("/problems/dependency-unavailable");
			assertThat(refused.at("/detail")).contains("population-service");
			assertThat(took).isLessThan(Duration.ofSeconds(5));

			await().atMost(Duration.ofSeconds(20))
				.until(() -> staff.post(enrol, TrainingMother.enrolment(trainees.get(1))).status() == 503
						&& lookupBreaker().getState() == CircuitBreaker.State.OPEN);
			started = System.nanoTime();
			assertThat(staff.post(enrol, TrainingMother.enrolment(trainees.get(2))).status()).isEqualTo(503);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("an open breaker answers at once")
				.isLessThan(Duration.ofSeconds(1));

			JsonNode job = TrainingMother.upload(staff, enrol + "/imports", "list.csv",
					TrainingMother.enrolmentList(trainees));
			assertThat(job.at("/status").asString()).isEqualTo("FAILED");
			assertThat(job.at("/message").asString()).contains("population-service is unavailable");
			assertThat(enrolments(classId)).as("nobody enrolled unchecked").isZero();
		}
		finally {
			population.startAgain();
		}

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> staff.post(enrol, TrainingMother.enrolment(trainees.get(0))).status() == 201);
		assertThat(staff.post(enrol, TrainingMother.enrolment(trainees.get(1))).status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(10)).until(() -> lookupBreaker().getState() == CircuitBreaker.State.CLOSED);
		assertThat(enrolments(classId)).isEqualTo(2);
	}

	private CircuitBreaker lookupBreaker() {
		return this.breakers.getCircuitBreakerRegistry().circuitBreaker(PopulationClient.LOOKUP_BREAKER);
	}

	private long enrolments(String classId) {
		return this.jdbc.sql("select count(*) from enrollment where class_id = ?::uuid")
			.param(classId)
			.query(Long.class)
			.single();
	}

}
