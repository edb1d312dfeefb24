package cn.resettlement.training.funding;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
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
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;
import cn.resettlement.training.support.TrainingIntegrationTest;
import cn.resettlement.training.support.TrainingMother;

import static org.assertj.core.api.Assertions.assertThat;

@TrainingIntegrationTest
class DisbursementIntegrationTests {

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
		this.staff = new TestHttp(this.client).as(TestTokens.staff("caiwu"));
	}

	@Test
	void disbursesWithinTheBudgetAndPublishesThePayment() {
		String classId = TrainingMother.openEndedClass(this.staff, 2025, "10000");
		String uri = TrainingMother.CLASSES + "/" + classId + "/disbursements";

		TestHttp.Response paid = this.staff.post(uri, payment("6000.50", "记-001", null));

		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		assertThat(paid.json().at("/amount").decimalValue()).isEqualByComparingTo("6000.50");
		assertThat(paid.at("/overBudget")).isEqualTo("false");
		TestHttp.Response trainingClass = this.staff.get(TrainingMother.CLASSES + "/" + classId);
		assertThat(trainingClass.json().at("/disbursed").decimalValue()).isEqualByComparingTo("6000.50");
		assertThat(trainingClass.json().at("/remainingBudget").decimalValue()).isEqualByComparingTo("3999.50");
		JsonNode event = topic.awaitEvent("TrainingFundsDisbursed", (e) -> e.get("subject").asString().equals(classId));
		assertThat(event.at("/data/amountFen").asLong()).isEqualTo(600_050);
		assertThat(event.at("/data/classYear").asInt()).isEqualTo(2025);
		assertThat(event.at("/data/category").asString()).isEqualTo("AGRICULTURAL");
		assertThat(event.at("/data/voucherNo").asString()).isEqualTo("记-001");
		topic.assertAllValid();
	}

	@Test
	void refusesToGoAboveTheBudgetWithoutAnOverrideAndRecordsOneWithItsReason() {
		String classId = TrainingMother.openEndedClass(this.staff, 2025, "10000");
		String uri = TrainingMother.CLASSES + "/" + classId + "/disbursements";
		assertThat(this.staff.post(uri, payment("9000", "记-101", null)).status()).isEqualTo(201);

		TestHttp.Response refused = this.staff.post(uri, payment("1000.01", "记-102", null));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.at("/type")).isEqualTo("/problems/over-budget");
		assertThat(disbursements(classId)).isEqualTo(1);
		assertThat(this.staff.get(TrainingMother.CLASSES + "/" + classId).json().at("/disbursed").decimalValue())
			.isEqualByComparingTo("9000");

		TestHttp.Response overridden = this.staff.post(uri, payment("1500", "记-103", "追加实训耗材，经主任办公会批准"));
		assertThat(overridden.status()).as(overridden.toString()).isEqualTo(201);
		assertThat(overridden.at("/overBudget")).isEqualTo("true");
		assertThat(overridden.at("/overrideReason")).isEqualTo("追加实训耗材，经主任办公会批准");
		assertThat(this.jdbc.sql("select count(*) from audit_log where entity_id = ? and action = ?")
			.params(classId, "training.funds.disbursed-over-budget")
			.query(Long.class)
			.single()).isEqualTo(1);
		JsonNode event = topic.awaitEvent("TrainingFundsDisbursed",
				(e) -> e.get("subject").asString().equals(classId) && e.at("/data/overBudget").asBoolean());
		assertThat(event.at("/data/disbursedTotalFen").asLong()).isEqualTo(1_050_000);
		assertThat(event.at("/data/budgetFen").asLong()).isEqualTo(1_000_000);
	}

	@Test
	void aVoucherIsRecordedOnceAndARetriedRequestPaysOnce() {
		String classId = TrainingMother.openEndedClass(this.staff, 2025, "10000");
		String uri = TrainingMother.CLASSES + "/" + classId + "/disbursements";
		Map<String, String> key = Map.of("Idempotency-Key", "pay-" + System.nanoTime());

		TestHttp.Response first = this.staff.post(uri, payment("100", "记-201", null), key);
		TestHttp.Response retried = this.staff.post(uri, payment("100", "记-201", null), key);
		TestHttp.Response duplicate = this.staff.post(uri, payment("100", "记-201", null));

		assertThat(first.status()).isEqualTo(201);
		assertThat(retried.status()).isEqualTo(201);
		assertThat(retried.at("/id")).isEqualTo(first.at("/id"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.at("/type")).isEqualTo("/problems/duplicate-voucher");
		assertThat(disbursements(classId)).isEqualTo(1);
	}

	@Test
	void aClassWithFundsCannotBeCancelledAndACancelledClassGetsNoFunds() {
		String paidClass = TrainingMother.openEndedClass(this.staff, 2025, "10000");
		assertThat(this.staff
			.post(TrainingMother.CLASSES + "/" + paidClass + "/disbursements", payment("100", "记-301", null))
			.status()).isEqualTo(201);
		TestHttp.Response refused = this.staff.post(TrainingMother.CLASSES + "/" + paidClass + "/cancel",
				Map.of("reason", "取消"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.at("/type")).isEqualTo("/problems/funds-disbursed");

		String cancelled = TrainingMother.openEndedClass(this.staff, 2025, "10000");
		assertThat(
				this.staff.post(TrainingMother.CLASSES + "/" + cancelled + "/cancel", Map.of("reason", "取消")).status())
			.isEqualTo(200);
		TestHttp.Response unpaid = this.staff.post(TrainingMother.CLASSES + "/" + cancelled + "/disbursements",
				payment("100", "记-302", null));
		assertThat(unpaid.status()).isEqualTo(409);
		assertThat(disbursements(cancelled)).isZero();
	}

	private long disbursements(String classId) {
		return this.jdbc.sql("select count(*) from disbursement where class_id = ?::uuid")
			.param(classId)
			.query(Long.class)
			.single();
	}

	static Map<String, Object> payment(String amount, String voucherNo, String overBudgetReason) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("amount", new BigDecimal(amount));
		body.put("paidOn", "2025-03-20");
		body.put("voucherNo", voucherNo);
		if (overBudgetReason != null) {
			body.put("overBudgetReason", overBudgetReason);
		}
		return body;
	}

}
