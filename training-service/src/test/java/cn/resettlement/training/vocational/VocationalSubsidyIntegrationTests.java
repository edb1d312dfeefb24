package cn.resettlement.training.vocational;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;
import cn.resettlement.training.support.TrainingIntegrationTest;
import cn.resettlement.training.support.TrainingMother;
import cn.resettlement.training.support.TrainingMother.Person;

import static org.assertj.core.api.Assertions.assertThat;

@TrainingIntegrationTest
class VocationalSubsidyIntegrationTests {

	private static TopicRecorder topic;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	TestHttp staff;

	@BeforeAll
	static void recordTopic(@Autowired KafkaConnectionDetails kafka) {
		topic = TopicRecorder.record(String.join(",", kafka.getBootstrapServers()), "resettlement.training.v1");
	}

	@AfterAll
	static void stopRecording() {
		topic.close();
	}

	@BeforeEach
	void setUp() {
		this.staff = new TestHttp(this.client).as(TestTokens.staff("jiaoyu"));
	}

	@Test
	void grantsTheLevelsStandardToAStudentOfAMigrantHouseholdAndPublishesIt() {
		Person student = registeredStudent();

		TestHttp.Response granted = this.staff.post(TrainingMother.VOCATIONAL,
				grant(student, "2025-2026", 2025, null, null));

		assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
		assertThat(granted.json().at("/amount").decimalValue()).isEqualByComparingTo("2000");
		assertThat(granted.at("/lateClaim")).isEqualTo("false");
		assertThat(granted.at("/idNumber")).isEqualTo(student.idNumber());
		JsonNode event = topic.awaitEvent("VocationalSubsidyGranted",
				(e) -> e.at("/data/idNumber").asString().equals(student.idNumber()));
		assertThat(event.at("/data/amountFen").asLong()).isEqualTo(200_000);
		assertThat(event.at("/data/year").asInt()).isEqualTo(2025);
		assertThat(event.at("/data/level").asString()).isEqualTo("HIGHER_VOCATIONAL");
		assertThat(event.at("/data/townshipCode").asString()).isEqualTo(TrainingMother.TOWNSHIP);
		topic.assertAllValid();
	}

	@Test
	void flagsAClaimForAnAcademicYearThatEndedBeforeTheGrantYearAsLate() {
		Person student = registeredStudent();

		TestHttp.Response late = this.staff.post(TrainingMother.VOCATIONAL,
				grant(student, "2022-2023", 2025, "4000", null));
		TestHttp.Response denied = this.staff.post(TrainingMother.VOCATIONAL,
				grant(student, "2023-2024", 2025, null, false));

		assertThat(late.status()).as(late.toString()).isEqualTo(201);
		assertThat(late.at("/lateClaim")).isEqualTo("true");
		assertThat(denied.status()).isEqualTo(400);
		assertThat(denied.at("/errors/0/field")).isEqualTo("lateClaim");
		assertThat(this.staff.post(TrainingMother.VOCATIONAL + "/search", Map.of("idNumber", student.idNumber()))
			.json()
			.size()).isEqualTo(1);
	}

	@Test
	void grantsOnePerStudentAndAcademicYear() {
		Person student = registeredStudent();
		assertThat(this.staff.post(TrainingMother.VOCATIONAL, grant(student, "2024-2025", 2025, null, null)).status())
			.isEqualTo(201);

		TestHttp.Response twice = this.staff.post(TrainingMother.VOCATIONAL,
				grant(student, "2024-2025", 2025, "1000", null));

		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.at("/type")).isEqualTo("/problems/duplicate-grant");
		assertThat(grants(student)).isEqualTo(1);
		assertThat(this.staff.post(TrainingMother.VOCATIONAL, grant(student, "2025-2026", 2025, null, null)).status())
			.isEqualTo(201);
	}

	@Test
	void refusesAStudentWhoIsNotInAMigrantHousehold() {
		Person stranger = new Person(TestIdNumbers.unique(LocalDate.of(2007, 5, 1)), "王小明", TrainingMother.TOWNSHIP);

		TestHttp.Response refused = this.staff.post(TrainingMother.VOCATIONAL,
				grant(stranger, "2024-2025", 2025, null, null));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.at("/type")).isEqualTo("/problems/not-a-migrant");
		assertThat(grants(stranger)).isZero();
	}

	@Test
	void listsAreMasked() {
		Person student = registeredStudent();
		assertThat(this.staff.post(TrainingMother.VOCATIONAL, grant(student, "2024-2025", 2025, null, null)).status())
			.isEqualTo(201);

		TestHttp.Response list = this.staff.get(TrainingMother.VOCATIONAL + "?year=2025&size=500");

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().at("/items").valueStream().map((s) -> s.at("/idNumber").asString()))
			.contains(student.idNumber().substring(0, 6) + "********" + student.idNumber().substring(14))
			.doesNotContain(student.idNumber());
	}

	private Person registeredStudent() {
		Person student = TrainingMother.student(TrainingMother.TOWNSHIP);
		TrainingMother.register(List.of(student));
		return student;
	}

	private long grants(Person student) {
		return this.jdbc.sql("select count(*) from vocational_subsidy where id_number = ?")
			.param(student.idNumber())
			.query(Long.class)
			.single();
	}

	static Map<String, Object> grant(Person student, String academicYear, int year, String amount, Boolean lateClaim) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("idNumber", student.idNumber());
		body.put("school", "湖南工业职业技术学院");
		body.put("programme", "数控技术");
		body.put("level", "HIGHER_VOCATIONAL");
		body.put("academicYear", academicYear);
		body.put("year", year);
		if (amount != null) {
			body.put("amount", new BigDecimal(amount));
		}
		if (lateClaim != null) {
			body.put("lateClaim", lateClaim);
		}
		return body;
	}

}
