package cn.resettlement.training.trainingclass;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.platform.security.Role;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.training.support.TrainingIntegrationTest;
import cn.resettlement.training.support.TrainingMother;
import cn.resettlement.training.support.TrainingMother.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles and township scope per endpoint family: auditors read only, officers see and
 * enrol their own township.
 */
@TrainingIntegrationTest
class AccessIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAuditorReadsEverythingAndChangesNothing() {
		TestHttp staff = new TestHttp(this.client).as(TestTokens.staff("alice"));
		TestHttp auditor = new TestHttp(this.client).as(TestTokens.auditor("audrey"));
		Person trainee = TrainingMother.registered(TrainingMother.TOWNSHIP);
		String classId = TrainingMother.openEndedClass(staff, 2025, "10000");
		String base = TrainingMother.CLASSES + "/" + classId;
		TestHttp.Response enrolled = staff.post(base + "/enrollments", TrainingMother.enrolment(trainee));
		assertThat(enrolled.status()).isEqualTo(201);
		long classes = count("training_class");

		assertThat(auditor.get(base).status()).isEqualTo(200);
		assertThat(auditor.get("/api/v1/training/summaries/2025").status()).isEqualTo(200);
		TestHttp.Response single = auditor.get(base + "/enrollments/" + enrolled.at("/id"));
		assertThat(single.status()).isEqualTo(200);
		assertThat(single.at("/idNumber")).as("masked for auditors").contains("********");
		assertThat(auditor.get(base + "/enrollments").at("/items/0/idNumber")).contains("********");

		assertThat(
				auditor
					.post(TrainingMother.CLASSES,
							TrainingMother.classBody("LEADER", "带头人", 2025, LocalDate.of(2025, 5, 1),
									LocalDate.of(2025, 5, 3), "1000"))
					.status())
			.isEqualTo(403);
		assertThat(auditor.post(base + "/enrollments", TrainingMother.enrolment(trainee)).status()).isEqualTo(403);
		assertThat(
				auditor.post(base + "/disbursements", Map.of("amount", 1, "paidOn", "2025-03-20", "voucherNo", "记-1"))
					.status())
			.isEqualTo(403);
		assertThat(auditor.post(base + "/complete", Map.of("completedIdNumbers", List.of())).status()).isEqualTo(403);
		assertThat(
				auditor
					.put("/api/v1/training/plans/2025",
							Map.of("categories", List
								.of(Map.of("category", "LEADER", "plannedClasses", 1, "plannedPersonTimes", 1))))
					.status())
			.isEqualTo(403);
		TestHttp.Response forbidden = auditor.post(TrainingMother.VOCATIONAL, Map.of("idNumber", trainee.idNumber()));
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.contentType()).hasToString("application/problem+json");
		assertThat(count("training_class")).isEqualTo(classes);
		assertThat(count("disbursement where class_id = '" + classId + "'")).isZero();
	}

	@Test
	void officersEnrolAndSeeOnlyTheirOwnTownshipsTrainees() {
		TestHttp staff = new TestHttp(this.client).as(TestTokens.staff("alice"));
		TestHttp officer = new TestHttp(this.client).as(TestTokens.officer("zhang", TrainingMother.TOWNSHIP));
		Person own = TrainingMother.adult(TrainingMother.TOWNSHIP);
		Person other = TrainingMother.adult(TrainingMother.OTHER_TOWNSHIP);
		Person otherEnrolledByStaff = TrainingMother.adult(TrainingMother.OTHER_TOWNSHIP);
		TrainingMother.register(List.of(own, other, otherEnrolledByStaff));
		String classId = TrainingMother.openEndedClass(staff, 2025, "10000");
		String base = TrainingMother.CLASSES + "/" + classId;

		assertThat(officer.post(base + "/enrollments", TrainingMother.enrolment(own)).status()).isEqualTo(201);
		TestHttp.Response foreign = officer.post(base + "/enrollments", TrainingMother.enrolment(other));
		assertThat(foreign.status()).as(foreign.toString()).isEqualTo(422);
		assertThat(foreign.at("/detail")).contains("your township");
		TestHttp.Response byStaff = staff.post(base + "/enrollments", TrainingMother.enrolment(otherEnrolledByStaff));
		assertThat(byStaff.status()).isEqualTo(201);

		TestHttp.Response list = officer.get(base + "/enrollments");
		assertThat(list.at("/total")).isEqualTo("1");
		assertThat(list.at("/items/0/townshipCode")).isEqualTo(TrainingMother.TOWNSHIP);
		assertThat(officer.get(base + "/enrollments?townshipCode=" + TrainingMother.OTHER_TOWNSHIP).status())
			.isEqualTo(403);
		assertThat(officer.get(base + "/enrollments/" + byStaff.at("/id")).status()).isEqualTo(403);
		assertThat(staff.get(base + "/enrollments").at("/total")).isEqualTo("2");

		assertThat(
				officer
					.post(TrainingMother.CLASSES,
							TrainingMother.classBody("LEADER", "带头人", 2025, LocalDate.of(2025, 5, 1),
									LocalDate.of(2025, 5, 3), "1000"))
					.status())
			.isEqualTo(403);
		assertThat(
				officer.post(base + "/disbursements", Map.of("amount", 1, "paidOn", "2025-03-20", "voucherNo", "记-1"))
					.status())
			.isEqualTo(403);
		assertThat(officer.get(TrainingMother.VOCATIONAL + "?townshipCode=" + TrainingMother.OTHER_TOWNSHIP).status())
			.isEqualTo(403);
	}

	@Test
	void everyRouteNeedsAValidToken() {
		TestHttp anonymous = new TestHttp(this.client);
		assertThat(anonymous.get(TrainingMother.CLASSES).status()).isEqualTo(401);
		assertThat(anonymous.get("/api/v1/training/summaries/2024").status()).isEqualTo(401);
		TestHttp expired = anonymous
			.as(TestTokens.builder("alice", null, Role.STAFF).expiredAgo(Duration.ofMinutes(5)).sign());
		assertThat(expired.post(TrainingMother.VOCATIONAL, Map.of()).status()).isEqualTo(401);
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
