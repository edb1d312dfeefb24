package cn.resettlement.reporting.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.reporting.fixtures.ReferenceYear;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The golden test: the events equivalent to the seed's 2024, published to the topics as
 * the five services publish them, give the seed's figures — and the seed's sentences: the
 * generated Markdown's sections 一 and 二 are compared paragraph by paragraph with the seed
 * (only the typing slips of the seed and its one statement of an expectation are
 * normalised, see {@link #seedParagraphs()}).
 */
@IntegrationTest
class ReferenceYearIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	KafkaConnectionDetails kafka;

	TestHttp admin;

	@BeforeEach
	void publishTheYear() {
		this.admin = new TestHttp(this.client).as(TestTokens.admin("zhuren"));
		ReferenceYear.ensurePublished(this.kafka, this.admin);
	}

	@Test
	void theSeedsEventsGiveTheSeedsFigures() {
		JsonNode report = this.admin.get(ReferenceYear.PERFORMANCE).json();
		assertThat(report.at("/year").asInt()).isEqualTo(2024);
		assertThat(report.at("/unitCode").asString()).isEqualTo("430582");
		// funds: 9702.06万元 in eight allocations, PROMINENT_ISSUES twice (87 + 33)
		assertThat(report.at("/funds/allocatedTotal").decimalValue()).isEqualByComparingTo("97020600");
		assertThat(report.at("/funds/allocations").asInt()).isEqualTo(8);
		assertThat(report.at("/funds/byCategory/FIRST_BATCH").decimalValue()).isEqualByComparingTo("17550000");
		assertThat(report.at("/funds/byCategory/WITHIN_600").decimalValue()).isEqualByComparingTo("27600600");
		assertThat(report.at("/funds/byCategory/PROMINENT_ISSUES").decimalValue()).isEqualByComparingTo("1200000");
		assertThat(report.at("/funds/byCategory/PROMINENT_ISSUE_PROJECTS").decimalValue())
			.isEqualByComparingTo("45000000");
		assertThat(report.at("/funds/byCategory/OTHER").decimalValue()).as("last year's allocation")
			.isEqualByComparingTo("0");
		// projects: 172 implemented (the cancelled, the approved-only and last year's
		// not)
		assertThat(report.at("/projects/implemented").asInt()).isEqualTo(172);
		assertThat(report.at("/projects/byType/THREE_GORGES").asInt()).isEqualTo(2);
		assertThat(report.at("/projects/byType/KEY_VILLAGE").asInt()).isEqualTo(2);
		assertThat(report.at("/projects/byType/RISK_RELOCATION").asInt()).isZero();
		assertThat(report.at("/projects/investmentCompleted").decimalValue()).isEqualByComparingTo("91970000");
		assertThat(report.at("/projects/overallProgressPercent").decimalValue()).isEqualByComparingTo("94.8");
		assertThat(report.at("/projects/keyVillages").asInt()).isEqualTo(2);
		// population: 390 persons adjusted (10 of them twice), 46,193 active at year end
		assertThat(report.at("/population/adjustedPersons").asInt()).isEqualTo(390);
		assertThat(report.at("/population/activeMigrants").asInt()).isEqualTo(46_193);
		// subsidy: 33,070 persons × 600 = 1984.2万元; 21.79万元 recovered
		assertThat(report.at("/subsidy/paidPersons").asInt()).isEqualTo(33_070);
		assertThat(report.at("/subsidy/paidAmount").decimalValue()).isEqualByComparingTo("19842000");
		assertThat(report.at("/subsidy/failedPayments").asInt()).isEqualTo(30);
		assertThat(report.at("/subsidy/standardYuan").decimalValue()).isEqualByComparingTo("600");
		assertThat(report.at("/subsidy/overpaymentRecovered").decimalValue()).isEqualByComparingTo("217900");
		assertThat(report.at("/subsidy/overpaymentOutstanding").decimalValue()).isEqualByComparingTo("2900");
		// training: 1194 person-times by category
		assertThat(report.at("/training/personTimes").asInt()).isEqualTo(1194);
		assertCategory(report, "AGRICULTURAL", 6, 498, "199200");
		assertCategory(report, "EMPLOYMENT", 4, 159, "260400");
		assertCategory(report, "LEADER", 2, 250, "80000");
		assertCategory(report, "VOCATIONAL", 0, 287, "1148000");
		// petitions: 20 batches, 78 person-times, 100%
		assertThat(report.at("/petitions/batches").asInt()).isEqualTo(20);
		assertThat(report.at("/petitions/personTimes").asInt()).isEqualTo(78);
		assertThat(report.at("/petitions/accepted").asInt()).isEqualTo(20);
		assertThat(report.at("/petitions/closed").asInt()).isEqualTo(20);
		assertThat(report.at("/petitions/resolutionRatePercent").decimalValue()).isEqualByComparingTo("100");
		// assets: the park's rent received in 2024; the dividends were paid in 2023
		assertThat(report.at("/assets/income").decimalValue()).isEqualByComparingTo("500000");
		assertThat(report.at("/assets/dividends").decimalValue()).isEqualByComparingTo("0");
		// indicators (the default set) and freshness
		assertThat(report.at("/indicators")).hasSize(14);
		assertThat(report.at("/evaluation/totalScore").decimalValue()).isBetween(java.math.BigDecimal.ZERO,
				java.math.BigDecimal.valueOf(100));
		assertThat(report.at("/lastEventAt").asString()).startsWith("2025-");
		assertThat(report.at("/freshness/lastAppliedAt").isMissingNode()).isFalse();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode now = this.admin.get(ReferenceYear.PERFORMANCE).json();
			assertThat(now.at("/consumerLag").isNumber()).as(now.at("/freshness").toString()).isTrue();
			assertThat(now.at("/consumerLag").asLong()).isZero();
			assertThat(now.at("/freshness/lagByTopic/resettlement.subsidy.v1").asLong()).isZero();
		});
	}

	@Test
	void theGeneratedSectionsOneAndTwoReadAsTheSeed() {
		TestHttp.Response markdown = this.admin.get("/api/v1/reports/2024/performance.md");
		assertThat(markdown.status()).isEqualTo(200);
		assertThat(markdown.contentType().toString()).startsWith("text/markdown");
		assertThat(markdown.headers().getFirst("X-Report-Last-Event-At")).isNotNull();
		List<String> generated = paragraphs(markdown.body(), "## 一、单位基本概况", "## 三、");
		List<String> seed = seedParagraphs();
		assertThat(generated).containsExactlyElementsOf(seed);
	}

	private static void assertCategory(JsonNode report, String category, int classes, int persons, String funds) {
		JsonNode c = report.at("/training/byCategory/" + category);
		assertThat(c.at("/classes").asInt()).as(category).isEqualTo(classes);
		assertThat(c.at("/persons").asInt()).as(category).isEqualTo(persons);
		assertThat(c.at("/funds").decimalValue()).as(category).isEqualByComparingTo(funds);
	}

	/** The Markdown paragraphs between two headings (headings themselves left out). */
	private static List<String> paragraphs(String markdown, String from, String to) {
		String part = markdown.substring(markdown.indexOf(from), markdown.indexOf(to));
		List<String> paragraphs = new ArrayList<>();
		for (String line : part.split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				paragraphs.add(line.replace("\\", "").strip());
			}
		}
		return paragraphs;
	}

	/**
	 * The seed's section 一 and 二 paragraphs. Three things are normalised: the
	 * word-processor bookmark before section 一; "2024年预计收取租金50万元" — the platform states
	 * the rent received (recorded on 2024-12-20), not an expectation; and the typing slip
	 * "生产生活有苦难，道路建设，落户难" of the list of petition themes.
	 */
	static List<String> seedParagraphs() {
		String seed = ReferenceYear.resource("seed-2024-report.txt");
		List<String> lines = Arrays.stream(seed.split("\n")).map(String::strip).filter((l) -> !l.isEmpty()).toList();
		int one = lines.indexOf("一、单位基本概况");
		int two = indexOfStart(lines, "2、 单位整体支出绩效状况");
		List<String> paragraphs = new ArrayList<>();
		for (String line : lines.subList(one + 1, two)) {
			paragraphs.add(line.replace("[bookmark: _GoBack]", "").strip());
		}
		for (String line : lines.subList(two + 1, lines.size())) {
			paragraphs
				.add(line.replace("2024年预计收取租金50万元", "2024年收取租金50万元").replace("生产生活有苦难，道路建设，落户难", "生产生活困难、道路建设、落户难"));
		}
		return paragraphs;
	}

	private static int indexOfStart(List<String> lines, String start) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith(start)) {
				return i;
			}
		}
		throw new IllegalStateException(start);
	}

}
