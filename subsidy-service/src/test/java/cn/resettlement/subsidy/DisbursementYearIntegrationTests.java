package cn.resettlement.subsidy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.subsidy.Fixtures.BankLine;
import cn.resettlement.subsidy.Fixtures.Person;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TopicRecorder;

import static cn.resettlement.subsidy.Fixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A year of the direct subsidy against the real population-service: roster → batch →
 * approval by a second person → bank file → mixed results → re-issue of the failed line
 * after its card was corrected → close.
 */
@IntegrationTest
class DisbursementYearIntegrationTests {

	private static TopicRecorder topic;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	Fixtures fixtures;

	@BeforeAll
	static void recordTopic(@Autowired KafkaConnectionDetails kafka) {
		topic = TopicRecorder.record(String.join(",", kafka.getBootstrapServers()), "resettlement.subsidy.v1");
	}

	@AfterAll
	static void stopRecording() {
		topic.close();
	}

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client);
	}

	@Test
	void paysAYearFromRosterToBankAndReissuesTheFailedLine() throws IOException {
		Person paid = Fixtures.register(Fixtures.TOWNSHIP);
		Person failing = Fixtures.register(Fixtures.TOWNSHIP);
		Person elsewhere = Fixtures.register(Fixtures.OTHER_TOWNSHIP);
		Person withoutCard = Fixtures.register(Fixtures.TOWNSHIP, Fixtures.ORIGINAL, null);
		this.fixtures.policy(2023, "ANNUAL");
		TestHttp staff = this.fixtures.staff();

		// roster → batch
		TestHttp.Response batch = this.fixtures.generate(2023, "2023");
		String batchId = batch.at("/id");
		assertThat(batch.at("/asOf")).isEqualTo("2023-01-01");
		assertThat(batch.json().get("withoutCardAccount").asInt()).isGreaterThanOrEqualTo(1);
		int lineCount = batch.json().get("lineCount").asInt();
		assertThat(lineCount).isGreaterThanOrEqualTo(3);
		assertThat(batch.json().get("totalAmount").decimalValue())
			.isEqualByComparingTo(String.valueOf(600 * lineCount));
		TestHttp.Response lines = staff.get(BASE + "/batches/" + batchId + "/lines?size=500");
		assertThat(lines.at("/total")).isEqualTo(String.valueOf(lineCount));
		assertThat(lines.body()).doesNotContain(paid.idNumber()).doesNotContain(paid.cardAccount());
		assertThat(lines.json().get("items").valueStream().map((l) -> l.get("migrantId").asString()))
			.contains(paid.id(), failing.id(), elsewhere.id())
			.doesNotContain(withoutCard.id());

		// four-eyes: the creator cannot approve, a second person can
		TestHttp.Response own = staff.post(BASE + "/batches/" + batchId + "/approve", null);
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.at("/type")).isEqualTo("/problems/four-eyes");
		assertThat(staff.get(BASE + "/batches/" + batchId).at("/status")).isEqualTo("DRAFT");
		assertThat(staff.get(BASE + "/batches/" + batchId + "/bank-file").status()).as("not before approval")
			.isEqualTo(409);
		TestHttp.Response approved = this.fixtures.approve(batchId);
		assertThat(approved.at("/status")).isEqualTo("APPROVED");
		assertThat(approved.at("/approvedBy")).isEqualTo("bob");
		assertThat(this.fixtures.approver().post(BASE + "/batches/" + batchId + "/approve", null).status())
			.isEqualTo(409);

		// bank file: CSV and XLSX with full card accounts
		List<BankLine> bankLines = this.fixtures.bankFile(batchId);
		assertThat(bankLines).hasSize(lineCount);
		BankLine paidLine = Fixtures.lineOf(bankLines, paid);
		assertThat(paidLine.cardAccount()).isEqualTo(paid.cardAccount());
		assertThat(paidLine.name()).isEqualTo(paid.name());
		assertThat(paidLine.amount()).isEqualTo("600.00");
		assertThat(paidLine.lineRef()).matches("B[0-9]+-[0-9]{6}");
		assertThat(staff.get(BASE + "/batches/" + batchId).at("/status")).isEqualTo("EXPORTED");
		byte[] xlsx = staff.download(BASE + "/batches/" + batchId + "/bank-file?format=xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(lineCount);
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).matches("[0-9]{17}[0-9X]");
			assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(600.0);
		}
		assertThat(staff.post(BASE + "/batches/" + batchId + "/close", null).at("/type"))
			.isEqualTo("/problems/results-pending");

		// mixed results from the bank's return file: problems are reported, not applied
		BankLine failingLine = Fixtures.lineOf(bankLines, failing);
		BankLine elsewhereLine = Fixtures.lineOf(bankLines, elsewhere);
		StringBuilder file = new StringBuilder("参考号,身份证号码,金额,状态,支付日期,失败原因\n");
		List<BankLine> heldBack = List.of(paidLine, elsewhereLine);
		for (BankLine line : bankLines) {
			if (line == failingLine) {
				file.append(line.lineRef()).append(',').append(line.idNumber()).append(",600.00,失败,,账户已销户\n");
			}
			else if (line == paidLine) {
				// named twice: neither is applied
				file.append(line.lineRef()).append(",,600.00,成功,").append(Fixtures.today()).append(",\n");
				file.append(line.lineRef()).append(",,600.00,成功,").append(Fixtures.today()).append(",\n");
			}
			else if (line == elsewhereLine) {
				file.append(line.lineRef()).append(",,60.00,成功,").append(Fixtures.today()).append(",\n");
			}
			else {
				file.append(line.lineRef()).append(",,600.00,成功,").append(Fixtures.today()).append(",\n");
			}
		}
		file.append("B999999-000001,,600.00,成功,").append(Fixtures.today()).append(",\n");
		file.append("B1-1,,600.00,成功,not-a-date,\n");
		TestHttp.Response upload = staff.upload(BASE + "/batches/" + batchId + "/results", "回盘.csv",
				file.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
		JsonNode job = this.fixtures.awaitJob(upload.headers().getLocation().getPath());
		assertThat(job.at("/status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(job.at("/result/applied").asInt()).isEqualTo(lineCount - 2);
		assertThat(job.at("/result/failed").asInt()).isEqualTo(1);
		assertThat(job.at("/result/problems/DUPLICATE").asInt()).isEqualTo(2);
		assertThat(job.at("/result/problems/AMOUNT_MISMATCH").asInt()).isEqualTo(1);
		assertThat(job.at("/result/problems/UNKNOWN_LINE").asInt()).isEqualTo(1);
		assertThat(job.at("/result/problems/INVALID").asInt()).isEqualTo(1);
		assertThat(job.at("/errorCount").asInt()).isEqualTo(5);
		assertThat(job.toString()).doesNotContain(paid.idNumber());
		assertThat(lineStatus(paid)).isEqualTo("PENDING");
		assertThat(lineStatus(failing)).isEqualTo("FAILED");
		assertThat(staff.get(BASE + "/batches/" + batchId).at("/status")).isEqualTo("EXPORTED");

		// the held-back lines as JSON; a repeat of a recorded result is harmless
		List<Map<String, Object>> rest = new ArrayList<>(Fixtures.results(heldBack, Map.of()));
		rest.add(Fixtures.results(List.of(failingLine), Map.of(failing.idNumber(), "账户已销户")).get(0));
		TestHttp.Response report = this.fixtures.record(batchId, rest);
		assertThat(report.at("/applied")).isEqualTo("2");
		assertThat(report.at("/alreadyRecorded")).isEqualTo("1");
		TestHttp.Response recorded = staff.get(BASE + "/batches/" + batchId);
		assertThat(recorded.at("/status")).isEqualTo("RESULTS_RECORDED");
		assertThat(recorded.at("/failedCount")).isEqualTo("1");
		assertThat(recorded.at("/paidCount")).isEqualTo(String.valueOf(lineCount - 1));
		TestHttp.Response contradiction = this.fixtures.record(batchId,
				Fixtures.results(List.of(paidLine), Map.of(paid.idNumber(), "户名不符")));
		assertThat(contradiction.at("/applied")).isEqualTo("0");
		assertThat(contradiction.at("/details/0/problem")).isEqualTo("CONFLICTING_RESULT");
		assertThat(lineStatus(paid)).isEqualTo("PAID");

		// re-issue waits for corrected card details, then pays the new card once
		TestHttp.Response early = staff.post(BASE + "/batches/" + batchId + "/reissue", null);
		assertThat(early.status()).as(early.toString()).isEqualTo(409);
		assertThat(early.at("/type")).isEqualTo("/problems/nothing-to-reissue");
		Person corrected = Fixtures.correctCard(failing, Fixtures.card());
		TestHttp.Response reissue = staff.post(BASE + "/batches/" + batchId + "/reissue", null);
		assertThat(reissue.status()).as(reissue.toString()).isEqualTo(201);
		assertThat(reissue.at("/lineCount")).isEqualTo("1");
		assertThat(reissue.at("/outcomes/REISSUE")).isEqualTo("1");
		String supplementId = reissue.at("/id");
		assertThat(staff.get(BASE + "/batches/" + supplementId).at("/kind")).isEqualTo("SUPPLEMENTARY");
		assertThat(staff.post(BASE + "/batches/" + batchId + "/reissue", null).status()).as("re-issued once")
			.isEqualTo(409);
		this.fixtures.approve(supplementId);
		List<BankLine> supplement = this.fixtures.bankFile(supplementId);
		assertThat(supplement).singleElement().satisfies((line) -> {
			assertThat(line.idNumber()).isEqualTo(failing.idNumber());
			assertThat(line.cardAccount()).isEqualTo(corrected.cardAccount());
			assertThat(line.amount()).isEqualTo("600.00");
		});
		this.fixtures.record(supplementId, Fixtures.results(supplement, Map.of()));

		// close both; nobody was paid twice for 2023
		assertThat(staff.post(BASE + "/batches/" + batchId + "/close", null).at("/status")).isEqualTo("CLOSED");
		assertThat(staff.post(BASE + "/batches/" + supplementId + "/close", null).at("/status")).isEqualTo("CLOSED");
		assertThat(this.jdbc.sql("""
				select count(*) from (select migrant_id from subsidy_line where period = '2023' and status = 'PAID'
				                      group by migrant_id having count(*) > 1) twice""").query(Long.class).single())
			.isZero();
		TestHttp.Response again = staff.post(BASE + "/batches", Map.of("year", 2023, "period", "2023"));
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.at("/type")).isEqualTo("/problems/nothing-to-pay");

		// events: what reporting and the province need, schema-valid
		topic.awaitEvent("SubsidyBatchApproved", (e) -> e.at("/data/batchId").asString().equals(batchId)
				&& e.at("/data/lines").asInt() == lineCount && e.at("/data/approvedBy").asString().equals("bob"));
		JsonNode paidEvent = topic.awaitEvent("SubsidyPaid",
				(e) -> e.at("/data/idNumber").asString().equals(paid.idNumber()));
		assertThat(paidEvent.at("/data/amountFen").asLong()).isEqualTo(60_000);
		assertThat(paidEvent.at("/data/period").asString()).isEqualTo("2023");
		assertThat(paidEvent.at("/data/paidOn").asString()).isEqualTo(Fixtures.today().toString());
		assertThat(paidEvent.at("/data").has("cardAccount")).isFalse();
		topic.awaitEvent("SubsidyPaymentFailed", (e) -> e.at("/data/idNumber").asString().equals(failing.idNumber())
				&& e.at("/data/reason").asString().equals("账户已销户"));
		JsonNode reissued = topic.awaitEvent("SubsidyPaid",
				(e) -> e.at("/data/idNumber").asString().equals(failing.idNumber()));
		assertThat(reissued.at("/data/reissueOf").isNull()).isFalse();
		topic.awaitEvent("SubsidyBatchClosed", (e) -> e.at("/data/batchId").asString().equals(batchId)
				&& e.at("/data/failedLines").asInt() == 1 && e.at("/data/paidLines").asInt() == lineCount - 1);
		topic.awaitEvent("SubsidyBatchClosed", (e) -> e.at("/data/batchId").asString().equals(supplementId));
		topic.awaitEvent("SubsidyPolicySet", (e) -> e.at("/data/year").asInt() == 2023);
		topic.assertAllValid();
	}

	@Test
	void paysProRataInTheLastYearOfTheSupportTerm() {
		Person original = Fixtures.register(Fixtures.TOWNSHIP, Fixtures.ORIGINAL, Fixtures.card());
		Person relocatedLater = Fixtures.register(Fixtures.TOWNSHIP, LocalDate.of(2010, 5, 17), Fixtures.card());
		this.fixtures.policy(2026, "ANNUAL");
		TestHttp.Response batch = this.fixtures.generate(2026, "2026");
		TestHttp.Response lines = this.fixtures.staff().get(BASE + "/batches/" + batch.at("/id") + "/lines?size=500");
		JsonNode items = lines.json().get("items");
		assertThat(amountOf(items, original)).as("support ends 2026-06-30: 6 months").isEqualByComparingTo("300");
		assertThat(amountOf(items, relocatedLater)).isEqualByComparingTo("600");
	}

	private static BigDecimal amountOf(JsonNode items, Person person) {
		return items.valueStream()
			.filter((l) -> l.get("migrantId").asString().equals(person.id()))
			.map((l) -> l.get("amount").decimalValue())
			.findFirst()
			.orElseThrow();
	}

	private String lineStatus(Person person) {
		return this.jdbc
			.sql("""
					select status from subsidy_line where migrant_id = ?::uuid and period = '2023' and reissue_of is null""")
			.param(person.id())
			.query(String.class)
			.single();
	}

}
