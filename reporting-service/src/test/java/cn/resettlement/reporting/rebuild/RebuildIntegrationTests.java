package cn.resettlement.reporting.rebuild;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.reporting.fixtures.Figures;
import cn.resettlement.reporting.fixtures.ReferenceYear;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Dropping the read models and replaying the topics gives the same report. */
@IntegrationTest
class RebuildIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	KafkaConnectionDetails kafka;

	TestHttp admin;

	@BeforeEach
	void setUp() {
		this.admin = new TestHttp(this.client).as(TestTokens.admin("zhuren"));
		ReferenceYear.ensurePublished(this.kafka, this.admin);
	}

	@Test
	void aRebuildFromTheTopicsGivesTheSameReport() {
		JsonNode before = Figures.of(this.admin.get(ReferenceYear.PERFORMANCE + "?view=live").json());
		String markdownBefore = withoutFreshness(this.admin.get("/api/v1/reports/2024/performance.md").body());

		TestHttp.Response started = this.admin.post("/api/v1/reports/rebuild", null);
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		String job = started.headers().getLocation().toString();

		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			JsonNode status = this.admin.get(job).json();
			assertThat(status.at("/status").asString()).as(status.toString()).isEqualTo("SUCCEEDED");
		});
		JsonNode result = this.admin.get(job).json();
		assertThat(result.at("/total").asLong()).isGreaterThanOrEqualTo(ReferenceYear.events().size());
		assertThat(result.at("/processed").asLong()).isEqualTo(result.at("/total").asLong());
		assertThat(result.at("/result/events").asLong()).isEqualTo(result.at("/total").asLong());

		JsonNode after = Figures.of(this.admin.get(ReferenceYear.PERFORMANCE + "?view=live").json());
		assertThat(after).isEqualTo(before);
		assertThat(withoutFreshness(this.admin.get("/api/v1/reports/2024/performance.md").body()))
			.isEqualTo(markdownBefore);
	}

	@Test
	void onlyAdministratorsRebuild() {
		TestHttp staff = new TestHttp(this.client).as(TestTokens.staff("tongji"));
		assertThat(staff.post("/api/v1/reports/rebuild", null).status()).isEqualTo(403);
		TestHttp auditor = new TestHttp(this.client).as(TestTokens.auditor("caizheng"));
		assertThat(auditor.post("/api/v1/reports/rebuild", null).status()).isEqualTo(403);
	}

	private static String withoutFreshness(String markdown) {
		return markdown.substring(0, markdown.lastIndexOf("> 数据说明"));
	}

}
