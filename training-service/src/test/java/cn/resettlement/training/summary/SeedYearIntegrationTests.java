package cn.resettlement.training.summary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.platform.web.Money;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;
import cn.resettlement.training.support.TrainingIntegrationTest;
import cn.resettlement.training.support.TrainingMother;
import cn.resettlement.training.support.TrainingMother.Person;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed report's 2024 training figures (section 二.5 of the 2024 self-evaluation),
 * recorded the way the centre records its work — plan, classes, trainee lists checked
 * against the real population register, completion lists, disbursements, vocational
 * grants — and stated back by the year summary and by the events alone:
 * <ul>
 * <li>农业实用技术: 6 classes, 498 persons, 19.92万元;</li>
 * <li>转移就业技能: 4 classes, 159 persons, 26.04万元;</li>
 * <li>致富带头人: 250 persons, 8万元 (the seed gives no class count: 2 classes here);</li>
 * <li>中长期职业教育补助 incl. 往年漏报: 287 persons, 114.8万元;</li>
 * <li>1194 person-times in all.</li>
 * </ul>
 * Only this class records anything for 2024, so the year's figures are exactly these.
 */
@TrainingIntegrationTest
class SeedYearIntegrationTests {

	private static final int YEAR = 2024;

	private static TopicRecorder topic;

	@Autowired
	RestTestClient client;

	@BeforeAll
	static void recordTopic(@Autowired KafkaConnectionDetails kafka) {
		topic = TopicRecorder.record(String.join(",", kafka.getBootstrapServers()), "resettlement.training.v1");
	}

	@AfterAll
	static void stopRecording() {
		topic.close();
	}

	@Test
	void reproducesTheSeedYearsTrainingFiguresFromRecordedWork() throws IOException {
		TestHttp staff = new TestHttp(this.client).as(TestTokens.staff("peixun"));
		List<ClassPlan> classes = List.of(agricultural("养殖技术（生猪）", 83, 2), agricultural("中药材种植（玉竹）", 83, 0),
				agricultural("养殖技术（肉牛）", 83, 0), agricultural("中药材种植（黄精）", 83, 0), agricultural("果树栽培", 83, 0),
				agricultural("蔬菜种植", 83, 0), employment("电工", 40), employment("焊工", 40), employment("家政服务", 40),
				employment("电子商务", 39), leader("致富带头人培训（一期）", 125), leader("致富带头人培训（二期）", 125));
		List<Person> students = new ArrayList<>();
		for (int i = 0; i < 287; i++) {
			students
				.add(TrainingMother.student((i % 3 == 0) ? TrainingMother.OTHER_TOWNSHIP : TrainingMother.TOWNSHIP));
		}
		List<Person> everyone = new ArrayList<>(students);
		classes.forEach((c) -> {
			everyone.addAll(c.trainees());
			everyone.addAll(c.dropouts());
		});
		TrainingMother.register(everyone);

		TestHttp.Response plan = staff.put("/api/v1/training/plans/" + YEAR, Map.of("categories",
				List.of(planItem("AGRICULTURAL", 6, 480), planItem("EMPLOYMENT", 4, 160), planItem("LEADER", 2, 250))));
		assertThat(plan.status()).as(plan.toString()).isEqualTo(201);

		for (int i = 0; i < classes.size(); i++) {
			record(staff, classes.get(i), i);
		}
		for (int i = 0; i < students.size(); i++) {
			boolean late = i >= 250;
			Map<String, Object> grant = new LinkedHashMap<>();
			grant.put("idNumber", students.get(i).idNumber());
			grant.put("school", late ? "邵东市职业中专" : "湖南工业职业技术学院");
			grant.put("programme", late ? "机电技术应用" : "数控技术");
			grant.put("level", late ? "SECONDARY_VOCATIONAL" : "HIGHER_VOCATIONAL");
			grant.put("academicYear", late ? "2022-2023" : "2024-2025");
			grant.put("year", YEAR);
			grant.put("amount", 4000);
			grant.put("lateClaim", late);
			TestHttp.Response granted = staff.post(TrainingMother.VOCATIONAL, grant);
			assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
		}

		JsonNode summary = staff.get("/api/v1/training/summaries/" + YEAR).json();
		assertCategory(summary, "AGRICULTURAL", 6, 498, "19.92");
		assertCategory(summary, "EMPLOYMENT", 4, 159, "26.04");
		assertCategory(summary, "LEADER", 2, 250, "8");
		assertCategory(summary, "VOCATIONAL", 0, 287, "114.8");
		assertThat(summary.at("/vocational/students").asLong()).isEqualTo(287);
		assertThat(summary.at("/vocational/lateClaims").asLong()).isEqualTo(37);
		assertThat(summary.at("/personTimes").asLong()).isEqualTo(1194);
		assertThat(summary.at("/plan/AGRICULTURAL/plannedPersonTimes").asLong()).isEqualTo(480);
		assertThat(summary.at("/plan/AGRICULTURAL/personTimes").asLong()).isEqualTo(498);

		assertTheEventsAloneStateTheSameFigures();
	}

	/**
	 * What reporting-service will do: the figures from the topic, by domain.md's counting
	 * rules, without calling training-service.
	 */
	private void assertTheEventsAloneStateTheSameFigures() {
		List<JsonNode> completed = topic.awaitEvents("TrainingClassCompleted", (e) -> year(e, "year"), 12);
		List<JsonNode> funds = topic.awaitEvents("TrainingFundsDisbursed", (e) -> year(e, "classYear"), 24);
		List<JsonNode> grants = topic.awaitEvents("VocationalSubsidyGranted", (e) -> year(e, "year"), 287);
		Map<String, long[]> byCategory = new LinkedHashMap<>();
		for (JsonNode event : completed) {
			long[] figures = byCategory.computeIfAbsent(event.at("/data/category").asString(), (c) -> new long[3]);
			figures[0]++;
			figures[1] += event.at("/data/personsCompleted").asLong();
			assertThat(event.at("/data/trainees").size()).isEqualTo(event.at("/data/personsCompleted").asInt());
		}
		for (JsonNode event : funds) {
			byCategory.get(event.at("/data/category").asString())[2] += event.at("/data/amountFen").asLong();
		}
		assertThat(byCategory.get("AGRICULTURAL")).containsExactly(6, 498, 199_200_00);
		assertThat(byCategory.get("EMPLOYMENT")).containsExactly(4, 159, 260_400_00);
		assertThat(byCategory.get("LEADER")).containsExactly(2, 250, 80_000_00);
		long vocationalFen = grants.stream().mapToLong((e) -> e.at("/data/amountFen").asLong()).sum();
		assertThat(Money.toWanYuan(vocationalFen)).isEqualTo("114.8");
		long personTimes = byCategory.values().stream().mapToLong((f) -> f[1]).sum() + grants.size();
		assertThat(personTimes).isEqualTo(1194);
		topic.assertAllValid();
	}

	private static void record(TestHttp staff, ClassPlan plan, int index) throws IOException {
		LocalDate start = LocalDate.of(YEAR, 3, 4).plusWeeks(2L * index);
		String classId = TrainingMother.openClass(staff,
				TrainingMother.classBody(plan.category(), plan.title(), YEAR, start, start.plusDays(4), plan.budget()));
		String base = TrainingMother.CLASSES + "/" + classId;
		List<Person> enrolled = new ArrayList<>(plan.trainees());
		enrolled.addAll(plan.dropouts());
		JsonNode enrolment = (index == 10)
				? TrainingMother.upload(staff, base + "/enrollments/imports", "名单.xlsx", xlsx(enrolled))
				: TrainingMother.upload(staff, base + "/enrollments/imports", "名单.csv",
						TrainingMother.enrolmentList(enrolled));
		assertThat(enrolment.at("/status").asString()).as(enrolment.toString()).isEqualTo("SUCCEEDED");
		assertThat(enrolment.at("/result/enrolled").asLong()).as(enrolment.toString()).isEqualTo(enrolled.size());

		List<String> completedIds = plan.trainees().stream().map(Person::idNumber).toList();
		if (plan.category().equals("AGRICULTURAL")) {
			List<String> rows = new ArrayList<>();
			for (int i = 0; i < completedIds.size(); i++) {
				rows.add(completedIds.get(i) + ",NY" + YEAR + "-" + index + "-" + i + ",5");
			}
			JsonNode completion = TrainingMother.upload(staff, base + "/completions/imports", "结业名单.csv",
					TrainingMother.csv("身份证号,证书编号,出勤天数", rows));
			assertThat(completion.at("/result/completed").asLong()).as(completion.toString())
				.isEqualTo(completedIds.size());
			completedIds = List.of();
		}
		TestHttp.Response done = staff.post(base + "/complete", Map.of("completedIdNumbers", completedIds));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.at("/completed")).isEqualTo(String.valueOf(plan.trainees().size()));

		BigDecimal budget = new BigDecimal(plan.budget());
		BigDecimal first = budget.divide(BigDecimal.valueOf(2)).setScale(0, RoundingMode.DOWN);
		List<BigDecimal> payments = List.of(first, budget.subtract(first));
		for (int p = 0; p < payments.size(); p++) {
			Map<String, Object> payment = new LinkedHashMap<>();
			payment.put("amount", payments.get(p));
			payment.put("paidOn", start.plusDays(20 + 30L * p).toString());
			payment.put("voucherNo", "记-" + YEAR + "-" + index + "-" + p);
			TestHttp.Response paid = staff.post(base + "/disbursements", payment);
			assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		}
	}

	private static void assertCategory(JsonNode summary, String category, long classes, long persons, String wanYuan) {
		JsonNode figures = summary.at("/byCategory/" + category);
		assertThat(figures.at("/classes").asLong()).as(category + " classes").isEqualTo(classes);
		assertThat(figures.at("/persons").asLong()).as(category + " persons").isEqualTo(persons);
		assertThat(figures.at("/funds").decimalValue().movePointLeft(4)).as(category + " funds (万元)")
			.isEqualByComparingTo(wanYuan);
	}

	private static boolean year(JsonNode event, String field) {
		return event.at("/data/" + field).asInt() == YEAR;
	}

	private static Map<String, Object> planItem(String category, int classes, int personTimes) {
		return Map.of("category", category, "plannedClasses", classes, "plannedPersonTimes", personTimes);
	}

	private static byte[] xlsx(List<Person> persons) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("学员名单");
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("姓名");
			header.createCell(1).setCellValue("身份证号码");
			for (int i = 0; i < persons.size(); i++) {
				Row row = sheet.createRow(i + 1);
				row.createCell(0).setCellValue(persons.get(i).name());
				row.createCell(1).setCellValue(persons.get(i).idNumber());
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static ClassPlan agricultural(String title, int completers, int dropouts) {
		return new ClassPlan("AGRICULTURAL", title, "33200", TrainingMother.adults(completers, TrainingMother.TOWNSHIP),
				TrainingMother.adults(dropouts, TrainingMother.TOWNSHIP));
	}

	private static ClassPlan employment(String title, int completers) {
		return new ClassPlan("EMPLOYMENT", title, "65100",
				TrainingMother.adults(completers, TrainingMother.OTHER_TOWNSHIP), List.of());
	}

	private static ClassPlan leader(String title, int completers) {
		return new ClassPlan("LEADER", title, "40000", TrainingMother.adults(completers, TrainingMother.TOWNSHIP),
				List.of());
	}

	/** A class of the seed year: who completes it, who drops out, its budget in yuan. */
	private record ClassPlan(String category, String title, String budget, List<Person> trainees,
			List<Person> dropouts) {
	}

}
