package cn.resettlement.project.summary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.project.ProjectMother;
import cn.resettlement.project.allocation.AllocationCategory;
import cn.resettlement.project.project.ProjectType;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;

import static cn.resettlement.project.ProjectMother.PROJECTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's 2024 figures (reference-year.md) from recorded work: the year's allocation
 * list (8 allocations, 9702.06万元) imported as the centre receives it, a project list of
 * 175 projects imported and worked through, and the year summary — computed once by the
 * service and once from the events on the topic alone, as reporting-service will. The
 * seed gives no document numbers, so those are illustrative. Other test classes use other
 * years.
 */
@IntegrationTest
class ReferenceYearIntegrationTests {

	private static final int Y = 2024;

	private static final String JIULONGLING = "430582101";

	private static final String SHASHI = "430582102";

	private static final String[][] ALLOCATIONS = { { "第一批到县资金", "湘财农指〔2024〕1号", "1755" },
			{ "2022年600元内", "湘财农指〔2024〕2号", "2760.06" }, { "重点移民村建设专项", "湘移〔2024〕10号", "400" },
			{ "突出问题处理一批", "湘移〔2024〕11号", "87" }, { "突出问题处理二批", "湘移〔2024〕25号", "33" },
			{ "三峡后续工作", "湘财农指〔2024〕30号", "133" }, { "困难移民扶助金", "湘财社〔2024〕5号", "34" },
			{ "突出问题项目资金", "湘财农指〔2024〕40号", "4500" } };

	private static TopicRecorder topic;

	@Autowired
	RestTestClient client;

	TestHttp staff;

	@BeforeAll
	static void recordTopic(@Autowired KafkaConnectionDetails kafka) {
		topic = TopicRecorder.record(String.join(",", kafka.getBootstrapServers()), "resettlement.project.v1");
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
	void theSeedsAllocationsAndProjectsReproduceTheYearSummaryFromDataAndFromEvents() throws Exception {
		importAllocations();
		List<Planned> implemented = implementedProjects();
		assertThat(implemented).hasSize(172);
		assertThat(implemented.stream().map(Planned::investmentWan).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("9197");
		Planned cancelled = new Planned("SD2024-C01", "基础设施", JIULONGLING, "红星村", 0, "湘财农指〔2024〕1号", "5", "1");
		Planned approvedOnly = new Planned("SD2024-A01", "产业发展", SHASHI, "砂石居委会", 0, "湘财农指〔2024〕2号", "0.06", null);
		Planned libraryOnly = new Planned("SD2024-K01", "其他", SHASHI, "砂石居委会", 0, null, null, null);
		List<Planned> all = new ArrayList<>(implemented);
		all.addAll(List.of(cancelled, approvedOnly, libraryOnly));
		JsonNode projectJob = ProjectMother.importList(this.staff, "projects", "2024年后扶项目计划.xlsx", workbook(all));
		assertThat(projectJob.at("/result/created").asInt()).as(projectJob.toString()).isEqualTo(175);
		Map<String, String> ids = projectIds();

		// four clerks at once; each project's steps stay in order
		ExecutorService clerks = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (Planned project : implemented) {
				done.add(clerks.submit(() -> {
					String uri = PROJECTS + "/" + ids.get(project.code());
					ProjectMother.approveAndStart(this.staff, ids.get(project.code()), Y);
					assertThat(this.staff
						.post(uri + "/progress",
								ProjectMother.progress(LocalDate.of(Y, 12, 20), 100,
										wanToYuan(project.investmentWan())))
						.status()).isEqualTo(201);
				}));
			}
			for (Future<?> step : done) {
				step.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			clerks.shutdownNow();
		}
		for (Planned keyVillage : implemented.stream().filter((p) -> p.type().equals("重点移民村建设")).toList()) {
			assertThat(this.staff
				.post(PROJECTS + "/" + ids.get(keyVillage.code()) + "/disbursements", Map.of("amount",
						new BigDecimal("2000000"), "paidOn", Y + "-12-25", "voucherNo", "记-2024-" + keyVillage.code()))
				.status()).isEqualTo(201);
		}
		String cancelledUri = PROJECTS + "/" + ids.get(cancelled.code());
		ProjectMother.approveAndStart(this.staff, ids.get(cancelled.code()), Y);
		assertThat(
				this.staff.post(cancelledUri + "/progress", ProjectMother.progress(LocalDate.of(Y, 5, 1), 10, "10000"))
					.status())
			.isEqualTo(201);
		assertThat(this.staff.post(cancelledUri + "/cancel", Map.of("cancelledOn", Y + "-06-01", "reason", "选址变更"))
			.status()).isEqualTo(200);
		assertThat(
				this.staff.post(PROJECTS + "/" + ids.get(approvedOnly.code()) + "/approve", ProjectMother.approval(Y))
					.status())
			.isEqualTo(200);
		recordPreviousYear();
		recordParkRent();

		JsonNode summary = this.staff.get("/api/v1/projects/summaries/" + Y).json();
		assertThat(summary.at("/funds/allocations").asInt()).isEqualTo(8);
		assertThat(summary.at("/funds/allocatedTotal").decimalValue()).isEqualByComparingTo("97020600");
		assertThat(summary.at("/funds/allocatedTotalWanYuan").asString()).isEqualTo("9702.06");
		assertThat(summary.at("/funds/byCategory/PROMINENT_ISSUES").decimalValue()).isEqualByComparingTo("1200000");
		assertThat(summary.at("/funds/byCategory/WITHIN_600").decimalValue()).isEqualByComparingTo("27600600");
		assertThat(summary.at("/funds/byCategory/PROMINENT_ISSUE_PROJECTS").decimalValue())
			.isEqualByComparingTo("45000000");
		assertThat(summary.at("/projects/implemented").asInt()).isEqualTo(172);
		assertThat(summary.at("/projects/byType/THREE_GORGES").asInt()).isEqualTo(2);
		assertThat(summary.at("/projects/byType/KEY_VILLAGE").asInt()).isEqualTo(2);
		assertThat(summary.at("/projects/byType/RISK_RELOCATION").asInt()).isEqualTo(5);
		assertThat(summary.at("/projects/relocatedPersons").asInt()).isEqualTo(5 * 26);
		assertThat(summary.at("/projects/investmentCompleted").decimalValue()).isEqualByComparingTo("91970000");
		assertThat(summary.at("/projects/investmentCompletedWanYuan").asString()).isEqualTo("9197");
		BigDecimal progress = summary.at("/projects/overallProgressPercent").decimalValue();
		assertThat(progress).isEqualByComparingTo("94.8");
		assertThat(progress.setScale(0, RoundingMode.HALF_UP)).as("the report prints 95%").isEqualByComparingTo("95");
		assertThat(summary.at("/projects/disbursed").decimalValue()).isEqualByComparingTo("4000000");
		assertThat(summary.at("/projects/byStatus/CANCELLED").asInt()).isEqualTo(1);
		assertThat(summary.at("/projects/byStatus/APPROVED").asInt()).isEqualTo(1);
		assertThat(summary.at("/projects/byStatus/PROPOSED").asInt()).isEqualTo(1);
		assertThat(summary.at("/assets/income").decimalValue()).isEqualByComparingTo("500000");
		assertThat(summary.at("/assets/dividends").decimalValue()).isEqualByComparingTo("0");
		JsonNode previous = this.staff.get("/api/v1/projects/summaries/" + (Y - 1)).json();
		assertThat(previous.at("/assets/dividends").decimalValue()).isEqualByComparingTo("500000");

		JsonNode balances = this.staff.get(ProjectMother.ALLOCATIONS + "/balances?year=" + Y).json();
		assertThat(balances.get("allocated").decimalValue()).isEqualByComparingTo("97020600");
		assertThat(balances.at("/byCategory/FIRST_BATCH/remaining").decimalValue()).as("the cancelled project's 5万")
			.isEqualByComparingTo("50000");
		assertThat(balances.at("/byCategory/WITHIN_600/remaining").decimalValue()).isEqualByComparingTo("0");

		assertTheEventsAloneGiveTheSameFigures();
	}

	/**
	 * What reporting-service does with the counting rules of domain.md, from the topic
	 * only.
	 */
	private void assertTheEventsAloneGiveTheSameFigures() {
		List<JsonNode> allocated = topic.awaitEvents("FundAllocated", (e) -> e.at("/data/year").asInt() == Y, 8);
		assertThat(allocated).hasSize(8);
		Map<AllocationCategory, Long> byCategory = new EnumMap<>(AllocationCategory.class);
		allocated.forEach((e) -> byCategory.merge(AllocationCategory.valueOf(e.at("/data/category").asString()),
				e.at("/data/amountFen").asLong(), Long::sum));
		long fundsFen = byCategory.values().stream().mapToLong(Long::longValue).sum();
		assertThat(fundsFen).isEqualTo(9_702_060_000L);
		assertThat(byCategory).containsEntry(AllocationCategory.PROMINENT_ISSUES, 120_000_000L);

		List<JsonNode> started = topic.awaitEvents("ProjectStarted", (e) -> e.at("/data/year").asInt() == Y, 173);
		Set<String> cancelledIds = topic.awaitEvents("ProjectCancelled", (e) -> e.at("/data/year").asInt() == Y, 1)
			.stream()
			.map((e) -> e.get("subject").asString())
			.collect(Collectors.toSet());
		Map<String, String> implementedTypes = new HashMap<>();
		started.stream()
			.filter((e) -> !cancelledIds.contains(e.get("subject").asString()))
			.forEach((e) -> implementedTypes.put(e.get("subject").asString(), e.at("/data/type").asString()));
		assertThat(implementedTypes).hasSize(172);
		Map<String, Long> byType = implementedTypes.values()
			.stream()
			.collect(Collectors.groupingBy((t) -> t, Collectors.counting()));
		assertThat(byType).containsEntry("THREE_GORGES", 2L).containsEntry("KEY_VILLAGE", 2L);

		List<JsonNode> reports = topic.awaitEvents("ProjectProgressReported", (e) -> e.at("/data/year").asInt() == Y,
				173);
		Map<String, JsonNode> latest = new HashMap<>();
		for (JsonNode report : reports) {
			latest.merge(report.get("subject").asString(), report,
					(a, b) -> (a.at("/data/sequence").asInt() >= b.at("/data/sequence").asInt()) ? a : b);
		}
		long investmentFen = implementedTypes.keySet()
			.stream()
			.mapToLong((id) -> latest.get(id).at("/data/investmentCompletedFen").asLong())
			.sum();
		assertThat(investmentFen).isEqualTo(9_197_000_000L);
		assertThat(
				BigDecimal.valueOf(investmentFen * 100).divide(BigDecimal.valueOf(fundsFen), 1, RoundingMode.HALF_UP))
			.isEqualByComparingTo("94.8");

		assertThat(topic.events("ProjectProposed")
			.stream()
			.filter((e) -> e.at("/data/year").asInt() == Y)
			.flatMap((e) -> e.at("/data/fundings").valueStream())).hasSize(174)
			.allSatisfy((f) -> assertThat(f.get("allocationYear").asInt()).isEqualTo(Y));
		assertThat(
				topic.awaitEvent("AssetIncomeRecorded", (e) -> e.at("/data/receivedOn").asString().startsWith("2024-"))
					.at("/data/amountFen")
					.asLong())
			.isEqualTo(50_000_000L);
		topic.assertAllValid();
	}

	/** The allocation list as a GBK CSV with amounts in 万元, as offices export it. */
	private void importAllocations() {
		StringBuilder csv = new StringBuilder("年度,资金类别,文号,金额(万元),下达日期\n");
		for (int i = 0; i < ALLOCATIONS.length; i++) {
			csv.append(Y)
				.append(',')
				.append(ALLOCATIONS[i][0])
				.append(',')
				.append(ALLOCATIONS[i][1])
				.append(',')
				.append(ALLOCATIONS[i][2])
				.append(',')
				.append(LocalDate.of(Y, 1 + i, 15))
				.append('\n');
		}
		JsonNode job = ProjectMother.importList(this.staff, "fund-allocations", "2024年资金计划.csv",
				csv.toString().getBytes(Charset.forName("GB18030")));
		assertThat(job.at("/result/created").asInt()).as(job.toString()).isEqualTo(8);
	}

	/**
	 * 172 projects: 2 key villages (200万 each), 2 三峡后续 (66.5万 each), and 168 more drawn
	 * from the other allocations, with 9197万 invested in all.
	 */
	private static List<Planned> implementedProjects() {
		List<Planned> projects = new ArrayList<>();
		projects.add(new Planned("SD2024-ZD01", "重点移民村建设", JIULONGLING, "三合村", 0, "湘移〔2024〕10号", "200", "200"));
		projects.add(new Planned("SD2024-ZD02", "重点移民村建设", SHASHI, "砂石居委会", 0, "湘移〔2024〕10号", "200", "200"));
		for (int i = 1; i <= 2; i++) {
			projects.add(new Planned("SD2024-SX0" + i, "三峡后续", JIULONGLING, "新塘村", 0, "湘财农指〔2024〕30号", "66.5", "66.5"));
		}
		for (int i = 1; i <= 35; i++) {
			projects.add(new Planned("SD2024-JC%02d".formatted(i), "基础设施", township(i), "村" + i, 0, "湘财农指〔2024〕1号",
					"50", (i == 35) ? "48" : "50"));
		}
		for (int i = 1; i <= 40; i++) {
			projects.add(new Planned("SD2024-CY%02d".formatted(i), "INDUSTRY", township(i), "村" + i, 0, "湘财农指〔2024〕2号",
					"69", "69"));
		}
		for (int i = 1; i <= 3; i++) {
			projects.add(new Planned("SD2024-TC0" + i, "突出问题处理", township(i), "村" + i, 0, "湘移〔2024〕11号", "29", "29"));
		}
		projects.add(new Planned("SD2024-TC04", "突出问题处理", SHASHI, "村4", 0, "湘移〔2024〕25号", "33", "33"));
		for (int i = 1; i <= 2; i++) {
			projects.add(new Planned("SD2024-KN0" + i, "困难移民扶助", township(i), "村" + i, 0, "湘财社〔2024〕5号", "17", "17"));
		}
		for (int i = 1; i <= 87; i++) {
			String type = (i <= 80) ? "基础设施" : (i <= 85) ? "避险搬迁" : "产业发展";
			projects.add(new Planned("SD2024-TX%02d".formatted(i), type, township(i), "村" + i,
					(i > 80 && i <= 85) ? 26 : 0, "湘财农指〔2024〕40号", "51.72", "46"));
		}
		return projects;
	}

	private void recordPreviousYear() {
		String allocation = ProjectMother.allocate(this.staff, Y - 1, "OTHER", "100000");
		String id = ProjectMother
			.propose(this.staff,
					ProjectMother.funded(Y - 1, "INFRASTRUCTURE", JIULONGLING, "100000", allocation, "100000"))
			.at("/id");
		ProjectMother.approveAndStart(this.staff, id, Y - 1);
		assertThat(this.staff
			.post(PROJECTS + "/" + id + "/progress", ProjectMother.progress(LocalDate.of(Y - 1, 9, 1), 50, "100000"))
			.status()).isEqualTo(201);
	}

	/** The 移民产业创业园 rent: 50万 for 2023 with its dividends, 50万 for 2024. */
	private void recordParkRent() {
		String park = "移民产业创业园";
		assertThat(this.staff
			.post("/api/v1/projects/asset-incomes",
					Map.of("asset", park, "year", Y - 1, "amount", 500000, "receivedOn", (Y - 1) + "-06-30"))
			.status()).isEqualTo(201);
		assertThat(this.staff
			.post("/api/v1/projects/dividends", Map.of("asset", park, "year", Y - 1, "amount", 500000, "paidOn",
					(Y - 1) + "-12-28", "recipients", 1024))
			.status()).isEqualTo(201);
		assertThat(this.staff
			.post("/api/v1/projects/asset-incomes",
					Map.of("asset", park, "year", Y, "amount", 500000, "receivedOn", Y + "-12-20"))
			.status()).isEqualTo(201);
	}

	private Map<String, String> projectIds() {
		Map<String, String> ids = new HashMap<>();
		for (int page = 0; ids.size() < 175; page++) {
			JsonNode items = this.staff.get(PROJECTS + "?year=" + Y + "&q=SD2024-&size=100&page=" + page)
				.json()
				.get("items");
			assertThat(items).isNotEmpty();
			items.forEach((p) -> ids.put(p.get("code").asString(), p.get("id").asString()));
		}
		return ids;
	}

	private static String township(int i) {
		return (i % 2 == 0) ? SHASHI : JIULONGLING;
	}

	private static String wanToYuan(BigDecimal wan) {
		return wan.multiply(BigDecimal.valueOf(10_000)).toPlainString();
	}

	private static byte[] workbook(List<Planned> projects) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("2024年项目计划");
			String[] header = { "项目编码", "项目名称", "项目类型", "乡镇代码", "村(居委会)", "年度", "概算(万元)", "实施单位", "搬迁户数", "搬迁人数",
					"资金文号", "安排资金(万元)" };
			Row head = sheet.createRow(0);
			for (int c = 0; c < header.length; c++) {
				head.createCell(c).setCellValue(header[c]);
			}
			Set<String> codes = new HashSet<>();
			for (int r = 0; r < projects.size(); r++) {
				Planned p = projects.get(r);
				assertThat(codes.add(p.code())).isTrue();
				Row row = sheet.createRow(r + 1);
				row.createCell(0).setCellValue(p.code());
				row.createCell(1).setCellValue(p.village() + p.type() + "项目");
				row.createCell(2).setCellValue(p.type());
				row.createCell(3).setCellValue(p.township());
				row.createCell(4).setCellValue(p.village());
				row.createCell(5).setCellValue(Y);
				row.createCell(6).setCellValue((p.fundingWan() != null) ? Double.parseDouble(p.fundingWan()) : 30);
				row.createCell(7).setCellValue("邵东市库区移民事务中心");
				if (p.relocatedPersons() > 0) {
					row.createCell(8).setCellValue(8);
					row.createCell(9).setCellValue(p.relocatedPersons());
				}
				if (p.documentNo() != null) {
					row.createCell(10).setCellValue(p.documentNo());
					row.createCell(11).setCellValue(Double.parseDouble(p.fundingWan()));
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	/**
	 * A project of the list: funded in full from one allocation, with the investment its
	 * last report states (both in 万元).
	 */
	record Planned(String code, String type, String township, String village, int relocatedPersons, String documentNo,
			String fundingWan, String investment) {

		BigDecimal investmentWan() {
			return new BigDecimal(this.investment);
		}

	}

}
