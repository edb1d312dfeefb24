package cn.resettlement.training.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
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
class EnrollmentIntegrationTests {

	private static TopicRecorder topic;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

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
		this.staff = new TestHttp(this.client).as(TestTokens.staff("alice"));
	}

	@Test
	void enrolsARegisteredMigrantOnceAndPublishesTheEnrolment() {
		Person person = TrainingMother.registered(TrainingMother.TOWNSHIP);
		String classId = TrainingMother.openEndedClass(this.staff, 2025, "30000");

		TestHttp.Response enrolled = this.staff.post(TrainingMother.CLASSES + "/" + classId + "/enrollments",
				TrainingMother.enrolment(person));

		assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
		assertThat(enrolled.at("/idNumber")).isEqualTo(person.idNumber());
		assertThat(enrolled.at("/name")).isEqualTo(person.name());
		assertThat(enrolled.at("/townshipCode")).isEqualTo(TrainingMother.TOWNSHIP);
		assertThat(enrolled.at("/status")).isEqualTo("ENROLLED");
		JsonNode event = topic.awaitEvent("TraineeEnrolled",
				(e) -> e.at("/data/idNumber").asString().equals(person.idNumber()));
		assertThat(event.get("subject").asString()).isEqualTo(classId);
		assertThat(event.at("/data/category").asString()).isEqualTo("AGRICULTURAL");
		assertThat(event.at("/data/classYear").asInt()).isEqualTo(2025);

		TestHttp.Response again = this.staff.post(TrainingMother.CLASSES + "/" + classId + "/enrollments",
				TrainingMother.enrolment(person));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.at("/type")).isEqualTo("/problems/already-enrolled");
		assertThat(enrolments(classId)).isEqualTo(1);
		topic.assertAllValid();
	}

	@Test
	void refusesAPersonWhoIsNotAMigrantWith422AndEnrolsNobody() {
		String classId = TrainingMother.openEndedClass(this.staff, 2025, "30000");

		TestHttp.Response refused = this.staff.post(TrainingMother.CLASSES + "/" + classId + "/enrollments",
				Map.of("idNumber", TestIdNumbers.unique()));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.contentType()).hasToString("application/problem+json");
		assertThat(refused.at("/type")).isEqualTo("/problems/not-a-migrant");
		assertThat(enrolments(classId)).isZero();
	}

	@Test
	void refusesAPersonRemovedFromTheRegister() {
		Person person = TrainingMother.registered(TrainingMother.TOWNSHIP);
		TrainingMother.removeFromRegister(person);
		String classId = TrainingMother.openEndedClass(this.staff, 2025, "30000");

		TestHttp.Response refused = this.staff.post(TrainingMother.CLASSES + "/" + classId + "/enrollments",
				TrainingMother.enrolment(person));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.at("/type")).isEqualTo("/problems/migrant-removed");
		assertThat(enrolments(classId)).isZero();
	}

	@Test
	void enrolsAListAndReportsTheRowsItCannotEnrol() {
		List<Person> registered = TrainingMother.adults(3, TrainingMother.TOWNSHIP);
		TrainingMother.register(registered);
		Person stranger = TrainingMother.adult(TrainingMother.TOWNSHIP);
		String classId = TrainingMother.openEndedClass(this.staff, 2025, "30000");
		String uri = TrainingMother.CLASSES + "/" + classId + "/enrollments/imports";
		byte[] list = TrainingMother.csv("姓名,身份证号",
				List.of(registered.get(0).name() + "," + registered.get(0).idNumber(),
						registered.get(1).name() + "," + registered.get(1).idNumber().toLowerCase(),
						"王错名," + registered.get(2).idNumber(), stranger.name() + "," + stranger.idNumber(),
						"李明," + TestIdNumbers.withBadCheckDigit(TestIdNumbers.unique()),
						registered.get(0).name() + "," + registered.get(0).idNumber()));

		JsonNode job = TrainingMother.upload(this.staff, uri, "list.csv", list);

		assertThat(job.at("/status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(job.at("/result/rows").asLong()).isEqualTo(6);
		assertThat(job.at("/result/enrolled").asLong()).isEqualTo(2);
		assertThat(job.at("/result/rejected").asLong()).isEqualTo(4);
		assertThat(job.at("/errors").valueStream().map((e) -> e.at("/row").asLong() + " " + e.at("/field").asString()))
			.containsExactlyInAnyOrder("4 name", "5 idNumber", "6 idNumber", "7 idNumber");
		assertThat(enrolments(classId)).isEqualTo(2);

		JsonNode again = TrainingMother.upload(this.staff, uri, "list.csv", list);
		assertThat(again.at("/result/enrolled").asLong()).isZero();
		assertThat(again.at("/result/alreadyEnrolled").asLong()).isEqualTo(2);
		assertThat(enrolments(classId)).isEqualTo(2);
	}

	@Test
	void checksAListWithOneLookupPerChunkNotOnePerRow() {
		Person registered = TrainingMother.registered(TrainingMother.TOWNSHIP);
		List<String> rows = new ArrayList<>();
		rows.add(registered.idNumber());
		for (int i = 0; i < 1_099; i++) {
			rows.add(TestIdNumbers.unique());
		}
		String classId = TrainingMother.openEndedClass(this.staff, 2025, "30000");
		double before = this.meters.counter("training.population.lookups").count();

		JsonNode job = TrainingMother.upload(this.staff,
				TrainingMother.CLASSES + "/" + classId + "/enrollments/imports", "list.csv",
				TrainingMother.csv("idNumber", rows));

		assertThat(job.at("/result/enrolled").asLong()).as(job.toString()).isEqualTo(1);
		assertThat(job.at("/errorCount").asLong()).isEqualTo(1_099);
		assertThat(this.meters.counter("training.population.lookups").count() - before)
			.as("1,100 rows in chunks of 500")
			.isEqualTo(3);
	}

	@Test
	void completesAClassWithItsCompletersAndPublishesThem() {
		List<Person> trainees = TrainingMother.adults(3, TrainingMother.TOWNSHIP);
		TrainingMother.register(trainees);
		String classId = TrainingMother.openEndedClass(this.staff, 2025, "30000");
		String base = TrainingMother.CLASSES + "/" + classId;
		JsonNode enrolled = TrainingMother.upload(this.staff, base + "/enrollments/imports", "list.csv",
				TrainingMother.enrolmentList(trainees));
		assertThat(enrolled.at("/result/enrolled").asLong()).as(enrolled.toString()).isEqualTo(3);

		TestHttp.Response first = this.staff.get(base + "/enrollments?status=ENROLLED");
		String enrollment = base + "/enrollments/" + first.at("/items/0/id");
		TestHttp.Response read = this.staff.get(enrollment);
		assertThat(this.staff.patch(enrollment, Map.of("attendedDays", 5), null).status()).isEqualTo(428);
		TestHttp.Response attended = this.staff.patch(enrollment,
				Map.of("attendedDays", 5, "completed", true, "certificateNo", "NY-2025-001"), read.etag());
		assertThat(attended.status()).as(attended.toString()).isEqualTo(200);
		assertThat(attended.at("/status")).isEqualTo("COMPLETED");
		assertThat(this.staff.patch(enrollment, Map.of("attendedDays", 4), read.etag()).status()).isEqualTo(412);
		assertThat(this.staff.patch(enrollment, Map.of("attendedDays", 6), attended.etag()).status()).isEqualTo(400);
		String completedEarlier = read.at("/idNumber");

		Person notEnrolled = TrainingMother.registered(TrainingMother.TOWNSHIP);
		TestHttp.Response refused = this.staff.post(base + "/complete",
				Map.of("completedIdNumbers", List.of(trainees.get(1).idNumber(), notEnrolled.idNumber())));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.at("/errors/0/field")).isEqualTo("completedIdNumbers[1]");
		assertThat(this.staff.get(base).at("/status")).isEqualTo("OPEN");

		String listed = trainees.stream()
			.map(Person::idNumber)
			.filter((id) -> !id.equals(completedEarlier))
			.findFirst()
			.orElseThrow();
		TestHttp.Response done = this.staff.post(base + "/complete", Map.of("completedIdNumbers", List.of(listed)));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.at("/completed")).isEqualTo("2");
		assertThat(done.at("/completedOn")).isEqualTo("2025-03-08");
		assertThat(this.staff.get(base + "/enrollments?status=NOT_COMPLETED").at("/total")).isEqualTo("1");
		JsonNode event = topic.awaitEvent("TrainingClassCompleted", (e) -> e.get("subject").asString().equals(classId));
		assertThat(event.at("/data/personsEnrolled").asInt()).isEqualTo(3);
		assertThat(event.at("/data/personsCompleted").asInt()).isEqualTo(2);
		assertThat(event.at("/data/trainees").valueStream().map((t) -> t.at("/idNumber").asString()))
			.containsExactlyInAnyOrder(completedEarlier, listed);

		assertThat(this.staff.post(base + "/complete", Map.of("completedIdNumbers", List.of())).status())
			.isEqualTo(409);
		assertThat(this.staff.post(base + "/enrollments", TrainingMother.enrolment(notEnrolled)).at("/type"))
			.isEqualTo("/problems/class-not-open");
		topic.assertAllValid();
	}

	@Test
	void aClassCannotBeCompletedBeforeItEnds() {
		LocalDate start = LocalDate.now().plusDays(10);
		String classId = TrainingMother.openClass(this.staff, TrainingMother.classBody("EMPLOYMENT", "电工",
				start.plusDays(4).getYear(), start, start.plusDays(4), "20000"));
		Person trainee = TrainingMother.registered(TrainingMother.TOWNSHIP);
		assertThat(this.staff
			.post(TrainingMother.CLASSES + "/" + classId + "/enrollments", TrainingMother.enrolment(trainee))
			.status()).isEqualTo(201);

		TestHttp.Response early = this.staff.post(TrainingMother.CLASSES + "/" + classId + "/complete",
				Map.of("completedIdNumbers", List.of(trainee.idNumber())));

		assertThat(early.status()).isEqualTo(409);
		assertThat(early.at("/type")).isEqualTo("/problems/class-not-ended");
		assertThat(this.staff.get(TrainingMother.CLASSES + "/" + classId).at("/status")).isEqualTo("OPEN");
	}

	@Test
	void aCancelledClassTakesNoEnrolments() {
		String classId = TrainingMother.openEndedClass(this.staff, 2025, "30000");
		TestHttp.Response cancelled = this.staff.post(TrainingMother.CLASSES + "/" + classId + "/cancel",
				Map.of("reason", "报名人数不足"));
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.at("/status")).isEqualTo("CANCELLED");
		topic.awaitEvent("TrainingClassCancelled", (e) -> e.get("subject").asString().equals(classId));

		TestHttp.Response refused = this.staff.post(TrainingMother.CLASSES + "/" + classId + "/enrollments",
				Map.of("idNumber", TestIdNumbers.unique()));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.at("/type")).isEqualTo("/problems/class-not-open");
	}

	private long enrolments(String classId) {
		return this.jdbc.sql("select count(*) from enrollment where class_id = ?::uuid")
			.param(classId)
			.query(Long.class)
			.single();
	}

}
