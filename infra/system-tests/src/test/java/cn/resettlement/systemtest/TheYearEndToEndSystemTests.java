package cn.resettlement.systemtest;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import cn.resettlement.systemtest.Register.Person;
import cn.resettlement.systemtest.YearDrive.Ledger;

import static cn.resettlement.systemtest.YearDrive.AUDITOR;
import static cn.resettlement.systemtest.YearDrive.DIRECTOR;
import static cn.resettlement.systemtest.YearDrive.FINANCE;
import static cn.resettlement.systemtest.YearDrive.OFFICER;
import static cn.resettlement.systemtest.YearDrive.PETITIONS;
import static cn.resettlement.systemtest.YearDrive.PETITION_CLERK;
import static cn.resettlement.systemtest.YearDrive.POPULATION;
import static cn.resettlement.systemtest.YearDrive.POPULATION_CLERK;
import static cn.resettlement.systemtest.YearDrive.PROJECTS;
import static cn.resettlement.systemtest.YearDrive.REPORTS;
import static cn.resettlement.systemtest.YearDrive.SUBSIDIES;
import static cn.resettlement.systemtest.YearDrive.TRAINING;
import static cn.resettlement.systemtest.YearDrive.TRAINING_CLERK;
import static cn.resettlement.systemtest.YearDrive.Y;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, "the year, end to end": the whole platform as separate processes (the local
 * runner), the seed's 2024 recorded only through the gateway with the tokens of the
 * centre's roles ({@link YearDrive}), then the annual report read back through the
 * gateway and every figure checked against what was recorded — and the seed's sentences
 * in the generated document. Also: a township officer sees no other township's data in
 * any route family; a death recorded after payment is a recovery claim; the report
 * reaches the last write within seconds. Timings:
 * {@code target/system-test/timings.json}.
 */
@ExtendWith(Platform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TheYearEndToEndSystemTests {

	static final String PERFORMANCE = REPORTS + "/" + Y + "/performance";

	static final Duration FRESHNESS_BOUND = Duration.ofSeconds(30);

	static final String OTHER_TOWNSHIP = Register.SHASHI;

	private static Ledger ledger;

	private static long moduleStart;

	@BeforeAll
	static void driveTheYear() throws Exception {
		moduleStart = System.nanoTime();
		YearDrive drive = new YearDrive();
		ledger = drive.ledger();
		Timings.time("drive", () -> {
			try {
				drive.run();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		Timings.record("driveRequests", Gateway.requests());
		Timings.record("driveThrottled429", Gateway.throttled());
		Timings.record("driveRetried5xx", Gateway.retried());
		Instant lastWrite = ledger.lastWrite;
		Timings.time("reportWait", () -> awaitReport((report) -> true, Duration.ofMinutes(5)));
		Timings.record("reportCaughtUpAfterLastWriteMillis", Duration.between(lastWrite, Instant.now()).toMillis());
		freshnessProbe();
	}

	/**
	 * The last write of the year: the last petition is closed while the report is caught
	 * up; how long until the report states it (and has nothing left to apply)?
	 */
	private static void freshnessProbe() {
		Instant written = Instant.now();
		Gateway.Response closed = PETITION_CLERK.post(ledger.lastPetition + "/close",
				Map.of("closedOn", ledger.lastPetitionClosedOn.toString(), "satisfaction", "SATISFIED"));
		assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
		ledger.closedPetitions++;
		long start = System.nanoTime();
		JsonNode report = awaitReport((r) -> !Instant.parse(r.at("/lastEventAt").asString()).isBefore(written),
				FRESHNESS_BOUND.plusSeconds(30));
		long millis = (System.nanoTime() - start) / 1_000_000;
		Timings.record("lastWriteToReportMillis", millis);
		Timings.record("lastWriteEventAt", report.at("/lastEventAt").asString());
	}

	/**
	 * Polls the live report until every figure equals what the drive recorded, nothing is
	 * left to apply, and {@code also} holds.
	 */
	private static JsonNode awaitReport(Predicate<JsonNode> also, Duration atMost) {
		AtomicReference<JsonNode> last = new AtomicReference<>();
		await("the report catches up").atMost(atMost).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			JsonNode report = AUDITOR.get(PERFORMANCE + "?view=live").json();
			last.set(report);
			assertFigures(report);
			assertThat(report.at("/consumerLag").isNumber()).as(report.at("/freshness").toString()).isTrue();
			assertThat(report.at("/consumerLag").asLong()).as(report.at("/freshness").toString()).isZero();
			assertThat(also.test(report)).as(report.at("/freshness").toString()).isTrue();
		});
		return last.get();
	}

	@AfterAll
	static void writeTimings() {
		Timings.record("testMillis", (System.nanoTime() - moduleStart) / 1_000_000);
		Timings.write();
	}

	@Test
	@Order(1)
	void theDriveReproducesTheSeedsYear() {
		// what was recorded through the gateway is the seed's 2024 (reference-year.md)
		assertThat(ledger.allocatedTotal()).isEqualByComparingTo("97020600");
		assertThat(ledger.allocations).isEqualTo(8);
		assertThat(ledger.implementedProjects()).isEqualTo(172);
		assertThat(ledger.implementedByType).containsEntry("THREE_GORGES", 2).containsEntry("KEY_VILLAGE", 2);
		assertThat(ledger.investment).isEqualByComparingTo("91970000");
		assertThat(ledger.adjusted).hasSize(390);
		assertThat(ledger.activeAtYearEnd()).isEqualTo(46_193);
		assertThat(ledger.paidPersons).hasSize(33_070);
		assertThat(ledger.paidAmount).isEqualByComparingTo("19842000");
		assertThat(ledger.recovered).isEqualByComparingTo("217900");
		assertThat(ledger.trainingPersonTimes()).isEqualTo(1194);
		assertThat(ledger.petitions).isEqualTo(20);
		assertThat(ledger.petitionPersons).isEqualTo(78);
		assertThat(ledger.closedPetitions).isEqualTo(20);
	}

	@Test
	@Order(2)
	void theReportStatesEveryFigureThatWasRecorded() throws Exception {
		Gateway.Response answer = AUDITOR.get(PERFORMANCE);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		keep("report-2024.json", answer.bytes());
		JsonNode report = answer.json();
		assertThat(report.at("/year").asInt()).isEqualTo(Y);
		assertThat(report.at("/unitCode").asString()).isEqualTo("430582");
		assertFigures(report);
		// the same through the live view, and the same for every role that reads it
		JsonNode live = Figures.of(DIRECTOR.get(PERFORMANCE + "?view=live").json());
		assertThat(live).isEqualTo(Figures.of(report));
		assertThat(Figures.of(OFFICER.get(PERFORMANCE).json())).isEqualTo(Figures.of(report));
		// what cannot come from events: the budget and the indicators
		assertThat(report.at("/indicators")).hasSize(14);
		assertThat(report.at("/evaluation/totalScore").decimalValue()).isBetween(BigDecimal.ZERO,
				BigDecimal.valueOf(100));
		assertThat(report.at("/freshness/lastAppliedAt").isMissingNode()).isFalse();
		// the auditor reads and changes nothing
		assertThat(AUDITOR.put(REPORTS + "/" + Y + "/narrative", YearDrive.resource("narrative-2024.json"), "\"1\"")
			.status()).isEqualTo(403);
	}

	/** Every figure of the report against the drive's ledger. */
	static void assertFigures(JsonNode report) {
		// 1 funds and projects
		assertThat(report.at("/funds/allocatedTotal").decimalValue()).isEqualByComparingTo(ledger.allocatedTotal());
		assertThat(report.at("/funds/allocations").asInt()).isEqualTo(ledger.allocations);
		for (String category : List.of("FIRST_BATCH", "WITHIN_600", "KEY_VILLAGE", "PROMINENT_ISSUES", "THREE_GORGES",
				"HARDSHIP_AID", "PROMINENT_ISSUE_PROJECTS", "OTHER")) {
			assertThat(report.at("/funds/byCategory/" + category).decimalValue()).as(category)
				.isEqualByComparingTo(ledger.allocatedByCategory.getOrDefault(category, BigDecimal.ZERO));
		}
		assertThat(report.at("/projects/implemented").asInt()).isEqualTo(ledger.implementedProjects());
		for (String type : List.of("INFRASTRUCTURE", "INDUSTRY", "KEY_VILLAGE", "THREE_GORGES", "PROMINENT_ISSUES",
				"HARDSHIP_AID", "RISK_RELOCATION", "OTHER")) {
			assertThat(report.at("/projects/byType/" + type).asInt()).as(type)
				.isEqualTo(ledger.implementedByType.getOrDefault(type, 0));
		}
		assertThat(report.at("/projects/investmentCompleted").decimalValue()).isEqualByComparingTo(ledger.investment);
		assertThat(report.at("/projects/overallProgressPercent").decimalValue())
			.isEqualByComparingTo(ledger.investment.multiply(BigDecimal.valueOf(100))
				.divide(ledger.allocatedTotal(), 1, RoundingMode.HALF_UP));
		assertThat(report.at("/projects/keyVillages").asInt()).isEqualTo(ledger.implementedByType.get("KEY_VILLAGE"));
		// 2 population and subsidy
		assertThat(report.at("/population/adjustedPersons").asInt()).isEqualTo(ledger.adjusted.size());
		assertThat(report.at("/population/activeMigrants").asInt()).isEqualTo(ledger.activeAtYearEnd());
		assertThat(report.at("/subsidy/paidPersons").asInt()).isEqualTo(ledger.paidPersons.size());
		assertThat(report.at("/subsidy/paidAmount").decimalValue()).isEqualByComparingTo(ledger.paidAmount);
		assertThat(report.at("/subsidy/failedPayments").asInt()).isEqualTo(ledger.failedPersons.size());
		assertThat(report.at("/subsidy/standardYuan").decimalValue()).isEqualByComparingTo("600");
		assertThat(report.at("/subsidy/overpaymentRecovered").decimalValue()).isEqualByComparingTo(ledger.recovered);
		// 4 industry
		assertThat(report.at("/assets/income").decimalValue()).isEqualByComparingTo(ledger.assetIncome);
		assertThat(report.at("/assets/dividends").decimalValue()).as("the dividends were paid in 2023")
			.isEqualByComparingTo("0");
		// 5 training
		assertThat(report.at("/training/personTimes").asInt()).isEqualTo(ledger.trainingPersonTimes());
		ledger.training.forEach((category, figures) -> {
			JsonNode c = report.at("/training/byCategory/" + category);
			assertThat(c.at("/classes").asInt()).as(category).isEqualTo(figures[0].intValue());
			assertThat(c.at("/persons").asInt()).as(category).isEqualTo(figures[1].intValue());
			assertThat(c.at("/funds").decimalValue()).as(category).isEqualByComparingTo(figures[2]);
		});
		// 6 petitions
		assertThat(report.at("/petitions/batches").asInt()).isEqualTo(ledger.petitions);
		assertThat(report.at("/petitions/personTimes").asInt()).isEqualTo(ledger.petitionPersons);
		assertThat(report.at("/petitions/accepted").asInt()).isEqualTo(ledger.petitions);
		assertThat(report.at("/petitions/closed").asInt()).isEqualTo(ledger.closedPetitions);
		assertThat(report.at("/petitions/resolutionRatePercent").decimalValue())
			.isEqualByComparingTo(BigDecimal.valueOf(ledger.closedPetitions * 100L)
				.divide(BigDecimal.valueOf(ledger.petitions), 1, RoundingMode.HALF_UP));
	}

	@Test
	@Order(3)
	void theDocumentsReadAsTheSeed() throws Exception {
		Gateway.Response markdown = AUDITOR.get(PERFORMANCE + ".md");
		assertThat(markdown.status()).as(markdown.toString()).isEqualTo(200);
		assertThat(markdown.header("Content-Type")).startsWith("text/markdown");
		assertThat(markdown.header("X-Report-Last-Event-At")).isNotNull();
		assertThat(markdown.header("X-Report-Consumer-Lag")).isEqualTo("0");
		keep("report-2024.md", markdown.bytes());
		List<String> seed = seedParagraphs();
		assertThat(paragraphs(markdown.body(), "## 一、单位基本概况", "## 三、")).containsExactlyElementsOf(seed);

		Gateway.Response html = AUDITOR.get(PERFORMANCE + ".html");
		assertThat(html.status()).as(html.toString()).isEqualTo(200);
		assertThat(html.header("Content-Type")).startsWith("text/html");
		for (String sentence : keySentences()) {
			assertThat(html.body()).contains(sentence);
		}

		Gateway.Response docx = AUDITOR.get(PERFORMANCE + ".docx");
		assertThat(docx.status()).as(docx.toString()).isEqualTo(200);
		assertThat(docx.header("Content-Disposition")).contains("attachment");
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.bytes()));
				XWPFWordExtractor text = new XWPFWordExtractor(document)) {
			String body = text.getText();
			for (String sentence : keySentences()) {
				assertThat(body).contains(sentence);
			}
		}

		Gateway.Response pdf = AUDITOR.get(PERFORMANCE + ".pdf");
		assertThat(pdf.status()).as("a CJK font must be installed (fonts-wqy-microhei): %s", pdf).isEqualTo(200);
		assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
		keep("report-2024.pdf", pdf.bytes());
		try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
			String body = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
			for (String sentence : keySentences()) {
				assertThat(body).contains(sentence.replaceAll("\\s+", ""));
			}
		}
	}

	/** Keeps what the report answered next to the timings, for the reader of a run. */
	private static void keep(String name, byte[] content) throws java.io.IOException {
		java.nio.file.Files.write(Platform.work().resolve(name), content);
	}

	/** Sentences of the seed carrying the year's figures. */
	static List<String> keySentences() {
		return List.of("上级下达我市各类资金计划共计9702.06万元", "共实施项目172个，其中三峡后续项目2个，重点移民村建设2个", "现已完成投资9197万元，工程整体进度95%",
				"2024年我市共动态调移民人口390人，同时追缴多领的移民直补资金21.79万元", "发放2024年全年600元到人直补资金1984.2万元", "开展多层次、多渠道、多形式的移民培训1194人次",
				"我市移民共计4.6万多人", "今年来中心接待上访共20批78人次，对反映的问题办结率达百分之百");
	}

	@Test
	@Order(4)
	void aDeathRecordedAfterPaymentIsARecoveryClaim() {
		Map.Entry<String, String> dead = ledger.died.entrySet().iterator().next();
		String migrantId = dead.getValue();
		// the register: removed, by a death effective before the period's first day
		JsonNode adjustments = POPULATION_CLERK.get(POPULATION + "/migrants/" + migrantId + "/adjustments").json();
		assertThat(adjustments).hasSize(1);
		assertThat(adjustments.at("/0/type").asString()).isEqualTo("DEATH");
		assertThat(adjustments.at("/0/effectiveDate").asString()).isEqualTo("2023-12-20");
		// the batch: the line was paid
		JsonNode lines = FINANCE.get(SUBSIDIES + "/batches/" + ledger.batchId + "/lines?status=PAID&size=1").json();
		assertThat(lines.at("/total").asLong()).isEqualTo(33_070 - ledger.failedPersons.size());
		// the claim, through the gateway, for exactly that line
		JsonNode claims = FINANCE.get(SUBSIDIES + "/overpayments?migrantId=" + migrantId).json();
		assertThat(claims.at("/total").asLong()).isEqualTo(1);
		String claimId = claims.at("/items/0/id").asString();
		JsonNode claim = FINANCE.get(SUBSIDIES + "/overpayments/" + claimId).json();
		assertThat(claim.at("/cause").asString()).isEqualTo("DEATH");
		assertThat(claim.at("/effectiveDate").asString()).isEqualTo("2023-12-20");
		assertThat(claim.at("/amount").decimalValue()).isEqualByComparingTo("600");
		assertThat(claim.at("/lines")).hasSize(1);
		assertThat(claim.at("/lines/0/batchId").asString()).isEqualTo(ledger.batchId);
		assertThat(claim.at("/lines/0/period").asString()).isEqualTo("2024");
		assertThat(claim.at("/lines/0/amount").decimalValue()).isEqualByComparingTo("600");
		assertThat(claim.at("/idNumber").asString()).as("masked").doesNotContain(dead.getKey());
		// all claims: 363 recovered, one in part, one written off, one open
		BigDecimal outstanding = BigDecimal.ZERO;
		int recovered = 0;
		for (JsonNode c : allPages(FINANCE, SUBSIDIES + "/overpayments?")) {
			outstanding = outstanding.add(c.at("/outstanding").decimalValue());
			recovered += c.at("/status").asString().equals("RECOVERED") ? 1 : 0;
		}
		assertThat(recovered).isEqualTo(363);
		assertThat(outstanding).isEqualByComparingTo("1100");
		// the report of the year the claims were opened states what is still owed
		int opened = LocalDate.parse(claim.at("/openedOn").asString()).getYear();
		JsonNode thatYear = AUDITOR.get(REPORTS + "/" + opened + "/performance?view=live").json();
		assertThat(thatYear.at("/subsidy/overpaymentOutstanding").decimalValue()).isEqualByComparingTo(outstanding);
	}

	@Test
	@Order(5)
	void theReportReachesTheLastWriteWithinSeconds() {
		long millis = ((Number) Timings.get("lastWriteToReportMillis")).longValue();
		assertThat(Duration.ofMillis(millis)).isLessThanOrEqualTo(FRESHNESS_BOUND);
		JsonNode report = AUDITOR.get(PERFORMANCE).json();
		assertThat(report.at("/petitions/closed").asInt()).isEqualTo(20);
		assertThat(report.at("/freshness/consumerLag").asLong()).isZero();
	}

	@Test
	@Order(6)
	void aTownshipOfficerSeesNoOtherTownshipThroughAnyRoute() {
		String own = Register.JIULONGLING;
		// population
		Person other = Register.person(4);
		assertThat(other.township()).isEqualTo(OTHER_TOWNSHIP);
		String otherMigrant = YearDrive.migrantIds(POPULATION_CLERK, List.of(other)).get(other.idNumber());
		assertRefused(OFFICER.get(POPULATION + "/migrants/" + otherMigrant));
		assertRefused(OFFICER.get(POPULATION + "/migrants/" + otherMigrant + "/adjustments"));
		assertRefused(OFFICER.get(POPULATION + "/migrants?townshipCode=" + OTHER_TOWNSHIP));
		assertThat(OFFICER.post(POPULATION + "/migrants/lookup", Map.of("idNumbers", List.of(other.idNumber())))
			.json()
			.at("/items")).isEmpty();
		assertOnly(own, allPages(OFFICER, POPULATION + "/migrants?"), countRegistered(own));
		// subsidies: lines and claims
		String lines = SUBSIDIES + "/batches/" + ledger.batchId + "/lines?";
		assertRefused(OFFICER.get(lines + "townshipCode=" + OTHER_TOWNSHIP));
		assertOnly(own, allPages(OFFICER, lines), countEligible(own));
		assertRefused(OFFICER.get(SUBSIDIES + "/overpayments?townshipCode=" + OTHER_TOWNSHIP));
		JsonNode otherClaim = ledger.claims.values()
			.stream()
			.filter((c) -> c.at("/id").asString().equals(ledger.openClaim))
			.findFirst()
			.orElseThrow();
		assertThat(otherClaim.at("/townshipCode").asString()).isEqualTo(OTHER_TOWNSHIP);
		assertRefused(OFFICER.get(SUBSIDIES + "/overpayments/" + ledger.openClaim));
		assertRefused(OFFICER.postOnce(SUBSIDIES + "/overpayments/" + ledger.openClaim + "/recoveries",
				Map.of("amount", 1, "recoveredOn", "2024-12-30", "receiptNo", "越权")));
		assertThat(
				FINANCE.get(SUBSIDIES + "/overpayments/" + ledger.openClaim).json().at("/outstanding").decimalValue())
			.as("a refused change changes nothing")
			.isEqualByComparingTo("600");
		long ownClaims = ledger.claims.values()
			.stream()
			.filter((c) -> c.at("/townshipCode").asString().equals(own))
			.count();
		assertOnly(own, allPages(OFFICER, SUBSIDIES + "/overpayments?"), ownClaims);
		// projects
		String otherProject = ledger.projectIds.get("SD2024-ZD02");
		assertRefused(OFFICER.get(PROJECTS + "/" + otherProject));
		assertRefused(OFFICER.get(PROJECTS + "/" + otherProject + "/progress"));
		assertRefused(OFFICER.get(PROJECTS + "?townshipCode=" + OTHER_TOWNSHIP));
		assertRefused(OFFICER.post(PROJECTS + "/" + otherProject + "/progress",
				Map.of("reportedOn", "2024-12-30", "progressPercent", 100, "investmentCompleted", 1)));
		long ownProjects = 1 + YearDrive.Planned.implemented().stream().filter((p) -> p.township().equals(own)).count();
		assertOnly(own, allPages(OFFICER, PROJECTS + "?year=" + Y + "&"), ownProjects);
		// training
		String enrolments = ledger.classWithOtherTownship + "/enrollments?";
		assertRefused(OFFICER.get(enrolments + "townshipCode=" + OTHER_TOWNSHIP));
		List<JsonNode> ownEnrolments = allPages(OFFICER, enrolments);
		assertThat(ownEnrolments).isNotEmpty();
		assertOnly(own, ownEnrolments, ownEnrolments.size());
		assertThat(allPages(TRAINING_CLERK, enrolments)).hasSizeGreaterThan(ownEnrolments.size());
		String grants = TRAINING + "/vocational-subsidies?year=" + Y + "&";
		assertRefused(OFFICER.get(grants + "townshipCode=" + OTHER_TOWNSHIP));
		List<JsonNode> ownGrants = allPages(OFFICER, grants);
		assertThat(ownGrants).isNotEmpty();
		assertOnly(own, ownGrants, ownGrants.size());
		assertThat(allPages(TRAINING_CLERK, grants)).hasSize(287);
		// petitions
		String otherPetition = ledger.petitionTownships.entrySet()
			.stream()
			.filter((e) -> e.getValue().equals(OTHER_TOWNSHIP))
			.findFirst()
			.orElseThrow()
			.getKey();
		assertRefused(OFFICER.get(PETITIONS + "/" + otherPetition));
		assertRefused(OFFICER.get(PETITIONS + "?year=" + Y + "&townshipCode=" + OTHER_TOWNSHIP));
		assertRefused(OFFICER.post(PETITIONS + "/" + otherPetition + "/review", Map.of("requestedOn", "2024-12-30")));
		long ownPetitions = ledger.petitionTownships.values().stream().filter(own::equals).count();
		assertOnly(own, allPages(OFFICER, PETITIONS + "?year=" + Y + "&"), ownPetitions);
	}

	private static void assertRefused(Gateway.Response response) {
		assertThat(response.status()).as("another township: %s", response).isEqualTo(403);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	private static void assertOnly(String township, List<JsonNode> items, long expected) {
		assertThat(items).hasSize((int) expected);
		assertThat(items).allSatisfy((item) -> assertThat(item.at("/townshipCode").asString()).isEqualTo(township));
	}

	private static long countRegistered(String township) {
		return ledger.persons.values().stream().filter((p) -> p.township().equals(township)).count();
	}

	private static long countEligible(String township) {
		return ledger.persons.values().stream().filter((p) -> p.eligible() && p.township().equals(township)).count();
	}

	/** Every item of a paged list ({@code query} ends with ? or &). */
	static List<JsonNode> allPages(Gateway as, String query) {
		List<JsonNode> items = new ArrayList<>();
		for (int page = 0;; page++) {
			Gateway.Response response = as.get(query + "size=500&page=" + page);
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			JsonNode list = response.json();
			list.at("/items").forEach(items::add);
			if (list.at("/items").isEmpty() || items.size() >= list.at("/total").asLong()) {
				assertThat((long) items.size()).isEqualTo(list.at("/total").asLong());
				return items;
			}
		}
	}

	/** The Markdown paragraphs between two headings (headings left out). */
	static List<String> paragraphs(String markdown, String from, String to) {
		assertThat(markdown).contains(from, to);
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
	 * The seed's section 一 and 二 paragraphs, normalised as reporting-service's golden
	 * test does: the word-processor bookmark, the rent "expected" (the platform states
	 * the rent received), and the typing slip in the list of petition themes.
	 */
	static List<String> seedParagraphs() {
		String seed = YearDrive.resource("seed-2024-report.txt");
		List<String> lines = Arrays.stream(seed.split("\n")).map(String::strip).filter((l) -> !l.isEmpty()).toList();
		int one = lines.indexOf("一、单位基本概况");
		int two = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith("2、 单位整体支出绩效状况")) {
				two = i;
			}
		}
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

	/**
	 * The provincial subscriber's view of the same year (issue 10): the reference
	 * subscriber reads all five topics with only the published schemas and finds every
	 * message valid and every person of the year in it; kcat reads the same events.
	 */
	@Test
	@Order(7)
	void aProvincialSubscriberReadsTheYearFromTheTopicsAndKcatTheSameEvents() throws Exception {
		List<JsonNode> events = Subscribers.referenceSubscriber();
		Map<String, Long> byType = events.stream()
			.collect(java.util.stream.Collectors.groupingBy((e) -> e.get("type").asString(),
					java.util.stream.Collectors.counting()));
		assertThat(byType).containsEntry("resettlement.population.MigrantRegistered.v1", (long) ledger.registered)
			.containsEntry("resettlement.subsidy.SubsidyPaid.v1", (long) ledger.paidPersons.size())
			.containsEntry("resettlement.petition.PetitionRegistered.v1", 20L)
			.containsEntry("resettlement.project.FundAllocated.v1", (long) YearDrive.ALLOCATIONS.length);
		assertThat(byType.keySet()).as("every context published")
			.anyMatch((t) -> t.startsWith("resettlement.training."))
			.anyMatch((t) -> t.startsWith("resettlement.project.ProjectProgressReported"));

		java.nio.file.Path kcat = Subscribers.kcat();
		if (System.getenv("REQUIRE_KCAT") != null) {
			assertThat(kcat).as("kcat on the PATH (REQUIRE_KCAT is set)").isNotNull();
		}
		if (kcat != null) {
			assertThat(new java.util.HashSet<>(Subscribers.kcatIds(kcat))).isEqualTo(
					events.stream().map((e) -> e.get("id").asString()).collect(java.util.stream.Collectors.toSet()));
		}
	}

	/**
	 * Fault test (issue 11, opt-in: {@code -Dsystem-test.faults=true}, about a minute
	 * more): petition-service is killed with SIGKILL while four clients register
	 * petitions of the next year through the gateway, each with its Idempotency-Key; the
	 * runner restarts it; the clients repeat what was not acknowledged with the same key.
	 * Every petition reaches the report exactly once: batches and person-times equal what
	 * the clients sent, nothing lost, nothing doubled.
	 */
	@Test
	@Order(8)
	@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "system-test.faults", matches = "true")
	void aServiceKilledMidStreamLosesAndDoublesNothing() throws Exception {
		int year = Y + 1;
		int writes = 80;
		Map<String, Map<String, Object>> sent = new java.util.concurrent.ConcurrentHashMap<>();
		Map<String, Integer> answered = new java.util.concurrent.ConcurrentHashMap<>();
		java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger acknowledged = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.CountDownLatch killed = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);
		for (int c = 0; c < 4; c++) {
			clients.submit(() -> {
				for (int i = next.getAndIncrement(); i < writes; i = next.getAndIncrement()) {
					String key = "fault-" + year + "-" + i;
					Map<String, Object> body = Map.of("receivedOn", LocalDate.of(year, 1 + i % 12, 5).toString(),
							"channel", "VISIT", "personCount", 1 + i % 3, "petitioners", List.of(), "townshipCode",
							Register.TOWNSHIPS[i % Register.TOWNSHIPS.length], "category", "LIVELIHOOD", "summary",
							"反映生产生活困难");
					sent.put(key, body);
					int status = PETITION_CLERK.post(PETITIONS, body, Map.of("Idempotency-Key", key)).status();
					answered.put(key, status);
					if (status == 201 && acknowledged.incrementAndGet() == writes / 4) {
						killed.countDown();
					}
				}
				return null;
			});
		}
		assertThat(killed.await(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
		Platform.kill("petition-service");
		clients.shutdown();
		assertThat(clients.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
		assertThat(answered.values()).as("some writes failed while the service was dead").anyMatch((s) -> s >= 500);

		Platform.upAgain();
		for (Map.Entry<String, Map<String, Object>> write : sent.entrySet()) {
			if (answered.get(write.getKey()) != 201) {
				await("repeat " + write.getKey()).atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofSeconds(1))
					.until(() -> PETITION_CLERK
						.post(PETITIONS, write.getValue(), Map.of("Idempotency-Key", write.getKey()))
						.status(), (status) -> status == 201 || status == 200);
			}
		}

		int personTimes = sent.values().stream().mapToInt((b) -> (Integer) b.get("personCount")).sum();
		await("the report of " + year).atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
			JsonNode report = AUDITOR.get(REPORTS + "/" + year + "/performance?view=live").json();
			assertThat(report.at("/petitions/batches").asInt()).isEqualTo(writes);
			assertThat(report.at("/petitions/personTimes").asInt()).isEqualTo(personTimes);
		});
		System.out.println("[system-test] fault: " + answered.values().stream().filter((s) -> s != 201).count() + " of "
				+ writes + " writes failed while petition-service was dead and were repeated after restart");
	}

	/**
	 * Issue 3: who may do what through the gateway, for every route family, as ADMIN,
	 * STAFF, an officer on their own and on another township's records, AUDITOR and a
	 * token with no known role ({@link AccessMatrix}). After every check of the year: the
	 * allowed writes are real (records of 2021, the 2031 policy, 2019 closed, identical
	 * re-puts, and the still-open claims recovered by one yuan and written off today).
	 * The table: {@code target/system-test/access-matrix.md}.
	 */
	@Test
	@Order(9)
	void everyRoleMayDoExactlyWhatItsRoleAndTownshipAllowInEveryRouteFamily() {
		long start = System.nanoTime();
		long requestsBefore = Gateway.requests();
		matrix = new AccessMatrix(ledger);
		String table = matrix.run();
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.println("[system-test] access matrix (expected status, through the gateway):\n" + table);
		AccessMatrix.keep(table);
		Timings.record("accessMatrixCells", matrix.cells());
		Timings.record("accessMatrixRequests", Gateway.requests() - requestsBefore);
		Timings.record("accessMatrixMillis", millis);
		Timings.record("accessMatrixMismatches", matrix.mismatches().size());
		assertThat(matrix.mismatches()).as("cells that differ from the contract").isEmpty();
		assertThat(Duration.ofMillis(millis)).isLessThan(Duration.ofSeconds(30));
	}

	private static AccessMatrix matrix;

	/**
	 * What the sweep found and was reported (docs/system-test.md, "Findings of the
	 * sweep"), to be fixed in the services: the matching cases are held back (an accepted
	 * one writes) and listed in the output and {@code sweep-held-back.txt}. Delete an
	 * entry when its service is fixed: its cases are then sent and judged again. The list
	 * should end empty.
	 */
	static final List<BadInputSweep.Known> KNOWN_SWEEP_FINDINGS = List.of();

	/**
	 * Issue 11, the bad-input sweep ({@link BadInputSweep}): every operation of every
	 * service's OpenAPI document, sent wrong in every way its schema allows, through the
	 * gateway as ADMIN with real ids in the paths. Zero 5xx, every refusal a 4xx
	 * {@code application/problem+json}, and nothing written: every table of every
	 * database and every topic's end offsets are the same after the sweep as before it
	 * (the platform quiet before: outboxes drained, the report caught up, today's overdue
	 * petitions flagged - the scheduled detector would otherwise flag the matrix's
	 * petitions of 2021 in the middle). Uploads accepted as jobs (202) must end without
	 * recording anything: only their own job rows may be new.
	 */
	@Test
	@Order(10)
	void badInputIsRefusedEverywhereAndWritesNothing() throws Exception {
		assertThat(matrix).as("the access matrix ran first (it creates the 2021 records the sweep aims at)")
			.isNotNull();
		Gateway.Response flagged = DIRECTOR.post(PETITIONS + "/overdue/detection", Map.of());
		assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
		PlatformState.Snapshot before = awaitQuiet();
		BadInputSweep sweep = new BadInputSweep(this::sweepTarget, sweepBodyTargets(), Register.person(24).idNumber());
		List<BadInputSweep.Case> cases = new ArrayList<>(sweep.cases());
		cases.addAll(sweep.oversized(cases));
		Map<BadInputSweep.Case, BadInputSweep.Known> held = BadInputSweep.held(cases, KNOWN_SWEEP_FINDINGS);
		cases.removeAll(held.keySet());
		List<String> heldBack = held.entrySet()
			.stream()
			.map((e) -> e.getKey().method() + " " + e.getKey().path() + " [" + e.getKey().input() + "]: "
					+ e.getValue().finding())
			.toList();
		java.nio.file.Files.write(Platform.work().resolve("sweep-held-back.txt"), heldBack);
		heldBack.forEach((h) -> System.out.println("[system-test] sweep: held back (known finding): "
				+ ((h.length() > 300) ? h.substring(0, 300) + "…" : h)));
		List<BadInputSweep.Case> requests = cases.stream().filter((c) -> !c.upload()).toList();
		List<BadInputSweep.Case> uploads = cases.stream().filter(BadInputSweep.Case::upload).toList();
		long start = System.nanoTime();
		sweep.run(requests, 4);
		PlatformState.Snapshot afterRequests = awaitQuiet();
		sweep.run(uploads, 2);
		PlatformState.Snapshot afterUploads = awaitQuiet(sweep.jobs());
		long millis = (System.nanoTime() - start) / 1_000_000;

		Timings.record("sweepOperations", sweep.operations().size());
		Timings.record("sweepCases", cases.size());
		Timings.record("sweepHeldBackKnownFindings", held.size());
		Timings.record("sweepRequests", sweep.requests());
		Timings.record("sweepThrottled429", sweep.throttled());
		Timings.record("sweepUploadJobs", sweep.jobs().size());
		Timings.record("sweepOutcomes", new java.util.TreeMap<>(sweep.outcomes()).toString());
		Timings.record("sweepMillis", millis);
		Timings.record("sweepTablesCompared", before.tables().size());
		Timings.record("sweepPartitionsCompared", before.offsets().size());
		java.nio.file.Files.write(Platform.work().resolve("sweep-findings.txt"), sweep.findings());
		java.nio.file.Files.write(Platform.work().resolve("sweep-cases.tsv"), sweep.log());
		java.nio.file.Files.write(Platform.work().resolve("sweep-accepted-reads.txt"), sweep.acceptedReads());
		sweep.acceptedReads()
			.forEach((r) -> System.out.println("[system-test] sweep: a read answered despite a bad parameter: " + r));

		List<String> findings = new ArrayList<>(sweep.findings());
		findings.forEach((f) -> System.out.println("[system-test] sweep finding: " + f));
		List<String> writtenByRequests = afterRequests.changesSince(before);
		List<String> writtenByUploads = afterUploads.changesSince(afterRequests);
		writtenByRequests.forEach((w) -> System.out.println("[system-test] sweep wrote (requests): " + w));
		writtenByUploads.forEach((w) -> System.out.println("[system-test] sweep wrote (uploads): " + w));
		assertThat(sweep.requests()).as("bounded").isBetween(500L, 6000L);
		assertThat(sweep.operations()).as("operations with a body or parameters, every service").hasSizeGreaterThan(60);
		assertThat(findings).as("5xx, non-problem rejections, accepted bad input (details above)").isEmpty();
		assertThat(writtenByRequests).as("rows or events written by refused requests").isEmpty();
		assertThat(writtenByUploads).as("rows or events written by refused uploads (their job rows left out)")
			.isEmpty();
	}

	/**
	 * Waits until nothing moves: outboxes drained, the report caught up, two equal
	 * snapshots.
	 */
	static PlatformState.Snapshot awaitQuiet(java.util.Collection<String> jobsLeftOut) {
		AtomicReference<PlatformState.Snapshot> last = new AtomicReference<>();
		// ignoring exceptions: the shared PostgreSQL may refuse a connection for a moment
		// (too many clients)
		await("the platform is quiet").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptionsInstanceOf(IllegalStateException.class)
			.until(() -> {
				if (PlatformState.unpublished() > 0
						|| AUDITOR.get(PERFORMANCE + "?view=live").json().at("/consumerLag").asLong(-1) != 0) {
					return false;
				}
				PlatformState.Snapshot now = PlatformState.take(jobsLeftOut);
				PlatformState.Snapshot previous = last.getAndSet(now);
				return previous != null && previous.equals(now);
			});
		return last.get();
	}

	static PlatformState.Snapshot awaitQuiet() {
		return awaitQuiet(List.of());
	}

	/** A real record for each path parameter the sweep fills in. */
	private String sweepTarget(String templateAndName) {
		String template = templateAndName.substring(0, templateAndName.indexOf('#'));
		String name = templateAndName.substring(templateAndName.indexOf('#') + 1);
		if (name.equals("year")) {
			return template.contains("/policies/") ? "2031" : String.valueOf(AccessMatrix.W);
		}
		if (name.equals("version")) {
			return "1";
		}
		Map<String, String> ids = sweepIds();
		if (template.startsWith(POPULATION + "/migrants/")) {
			return ids.get("migrant");
		}
		if (template.startsWith(POPULATION + "/households/")) {
			return ids.get("household");
		}
		if (template.startsWith(SUBSIDIES + "/batches/")) {
			return ledger.batchId;
		}
		if (template.startsWith(SUBSIDIES + "/overpayments/")) {
			return ledger.openClaim;
		}
		if (template.startsWith(PROJECTS + "/fund-allocations/")) {
			return ids.get("allocation");
		}
		if (template.startsWith(PROJECTS + "/{id}")) {
			return ids.get("project");
		}
		if (template.startsWith(TRAINING + "/classes/")) {
			return name.equals("id") && template.contains("/enrollments/") ? ids.get("enrollment") : ids.get("class");
		}
		if (template.startsWith(TRAINING + "/vocational-subsidies/")) {
			return ids.get("grant");
		}
		if (template.startsWith(PETITIONS + "/{id}")) {
			return ids.get("petition");
		}
		return java.util.UUID.randomUUID().toString();
	}

	private static Map<String, String> sweepIds;

	private static synchronized Map<String, String> sweepIds() {
		if (sweepIds == null) {
			Map<String, String> ids = new java.util.HashMap<>();
			ids.put("migrant", ledger.died.values().iterator().next());
			ids.put("household", DIRECTOR.get(POPULATION + "/households?size=1").at("/items/0/id"));
			ids.put("allocation", matrix.created().get("allocation:ADMIN"));
			ids.put("project", matrix.created().get("project:ADMIN"));
			ids.put("class", matrix.created().get("class:ADMIN"));
			ids.put("enrollment",
					DIRECTOR.get(TRAINING + "/classes/" + ids.get("class") + "/enrollments?size=1").at("/items/0/id"));
			ids.put("petition", matrix.created().get("petition:ADMIN"));
			ids.put("grant", DIRECTOR.get(TRAINING + "/vocational-subsidies?year=" + Y + "&size=1").at("/items/0/id"));
			ids.forEach((k, v) -> assertThat(v).as("a real " + k + " for the sweep's paths").isNotBlank());
			sweepIds = ids;
		}
		return sweepIds;
	}

	private Map<String, String> sweepBodyTargets() {
		Map<String, String> ids = sweepIds();
		return Map.of("householdId", ids.get("household"), "allocationId", ids.get("allocation"), "repeatOf",
				ids.get("petition"), "migrantId", ids.get("migrant"));
	}

	/**
	 * Fault test (issue 11, opt-in: {@code -Dsystem-test.faults=true}): the runner's
	 * Kafka broker is stopped while four clients register petitions of {@code Y + 2}
	 * through the gateway, each with its Idempotency-Key; the writes go on while it is
	 * down (every one must still be acknowledged: the outbox holds the events) and after
	 * it is started again (same data folder, same cluster id). The report of that year
	 * then states exactly what the clients saw acknowledged - batches and person-times -
	 * nothing lost, nothing doubled.
	 */
	@Test
	@Order(11)
	@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "system-test.faults", matches = "true")
	void theBrokerStoppedDuringWritesLosesAndDoublesNothing() throws Exception {
		int year = Y + 2;
		String clusterId = PlatformState.clusterId();
		Map<String, Integer> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
		List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());
		java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger whileDown = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
		java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
		java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(4);
		for (int c = 0; c < 4; c++) {
			Gateway clerk = YearDrive.user("xinfang-broker-" + c,
					cn.resettlement.testsupport.TestTokens.staff("xinfang-broker-" + c));
			clients.submit(() -> {
				while (!stop.get()) {
					int i = next.getAndIncrement();
					String key = "broker-" + year + "-" + i;
					int persons = 1 + i % 4;
					Map<String, Object> body = Map.of("receivedOn",
							LocalDate.of(year, 1 + i % 10, 1 + i % 28).toString(), "channel", "PHONE", "personCount",
							persons, "petitioners", List.of(), "townshipCode",
							Register.TOWNSHIPS[i % Register.TOWNSHIPS.length], "category", "ROAD", "summary",
							"反映道路建设问题（消息中间件停机测试）");
					boolean duringOutage = down.get();
					Gateway.Response answer = clerk.post(PETITIONS, body, Map.of("Idempotency-Key", key));
					if (answer.status() == 201) {
						acknowledged.put(key, persons);
						if (duringOutage && down.get()) {
							whileDown.incrementAndGet();
						}
					}
					else {
						failed.add(key + " " + answer);
					}
				}
				return null;
			});
		}
		try {
			await("writes before the outage").atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 20);
			long stopping = System.nanoTime();
			Platform.stopKafka();
			Timings.record("brokerStopMillis", (System.nanoTime() - stopping) / 1_000_000);
			long stopped = System.nanoTime();
			down.set(true);
			await("writes acknowledged while the broker is down").atMost(Duration.ofMinutes(3))
				.until(() -> whileDown.get() >= 40 && System.nanoTime() - stopped > 10_000_000_000L);
			long pending = await("the outboxes hold what could not be published").atMost(Duration.ofSeconds(30))
				.ignoreExceptionsInstanceOf(IllegalStateException.class)
				.until(PlatformState::unpublished, (n) -> n > 0);
			Timings.record("brokerDownPendingOutboxEvents", pending);
			down.set(false);
			Timings.record("brokerDownMillis", (System.nanoTime() - stopped) / 1_000_000);
			long starting = System.nanoTime();
			Platform.startKafka();
			Timings.record("brokerStartMillis", (System.nanoTime() - starting) / 1_000_000);
			int atRestart = acknowledged.size();
			await("writes after the restart").atMost(Duration.ofMinutes(2))
				.until(() -> acknowledged.size() >= atRestart + 20);
		}
		finally {
			stop.set(true);
			clients.shutdown();
			assertThat(clients.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
		}
		assertThat(failed).as("every write acknowledged, also while the broker was down").isEmpty();
		assertThat(PlatformState.clusterId()).as("the same cluster, data folder kept").isEqualTo(clusterId);
		int personTimes = acknowledged.values().stream().mapToInt(Integer::intValue).sum();
		long lastWrite = System.nanoTime();
		await("the report of " + year).atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				JsonNode report = AUDITOR.get(REPORTS + "/" + year + "/performance?view=live").json();
				assertThat(report.at("/petitions/batches").asInt()).isEqualTo(acknowledged.size());
				assertThat(report.at("/petitions/personTimes").asInt()).isEqualTo(personTimes);
				assertThat(report.at("/consumerLag").asLong()).isZero();
			});
		await("every outbox drained").atMost(Duration.ofMinutes(1))
			.ignoreExceptionsInstanceOf(IllegalStateException.class)
			.until(PlatformState::unpublished, (n) -> n == 0);
		Timings.record("brokerLastWriteToReportMillis", (System.nanoTime() - lastWrite) / 1_000_000);
		Timings.record("brokerFaultWrites", acknowledged.size());
		Timings.record("brokerFaultWritesWhileDown", whileDown.get());
		System.out.println("[system-test] broker fault: " + acknowledged.size() + " petitions (" + personTimes
				+ " person-times) acknowledged, " + whileDown.get() + " of them while Kafka was stopped; the report of "
				+ year + " states exactly these");
	}

}
