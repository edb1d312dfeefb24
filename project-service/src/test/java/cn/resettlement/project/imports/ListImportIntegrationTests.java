package cn.resettlement.project.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.project.ProjectMother;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ListImportIntegrationTests {

	private static final int YEAR = 2020;

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	TestHttp staff;

	@BeforeEach
	void setUp() {
		this.staff = new TestHttp(this.client).as(TestTokens.staff("sun"));
	}

	@Test
	void importsAnAllocationListWithRowErrorsAndSkipsItOnASecondImport() {
		String doc = ProjectMother.unique("邵财农");
		String csv = """
				年度,资金类别,文号,金额（万元）,下达日期
				%1$d,第一批到县资金,%2$s-1,100,%1$d-02-01
				%1$d,三峡后续工作,%2$s-2,10.5,%1$d/3/1
				%1$d,直补资金,%2$s-3,10,%1$d-03-01
				%1$d,其他,,10,%1$d-03-01
				%1$d,其他,%2$s-5,1.0000001,%1$d-03-01
				%1$d,其他,%2$s-6,10,2099-01-01
				""".formatted(YEAR, doc);
		JsonNode job = ProjectMother.importList(this.staff, "fund-allocations", "allocations.csv",
				csv.getBytes(StandardCharsets.UTF_8));

		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(job.at("/result/created").asInt()).isEqualTo(2);
		assertThat(job.at("/result/rejected").asInt()).isEqualTo(4);
		assertThat(job.get("errorCount").asInt()).isEqualTo(4);
		assertThat(job.get("errors")).extracting((e) -> e.get("row").asInt() + ":" + e.get("field").asString())
			.containsExactly("4:category", "5:documentNo", "6:amountWanYuan", "7:issuedOn");
		TestHttp.Response first = this.staff.get(ProjectMother.ALLOCATIONS + "?year=" + YEAR + "&category=FIRST_BATCH");
		assertThat(first.json().get("items")).anySatisfy((a) -> {
			assertThat(a.get("documentNo").asString()).isEqualTo(doc + "-1");
			assertThat(a.get("title").asString()).isEqualTo("第一批到县资金");
			assertThat(a.get("amount").decimalValue()).isEqualByComparingTo("1000000");
		});

		JsonNode again = ProjectMother.importList(this.staff, "fund-allocations", "allocations.csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(again.at("/result/alreadyRecorded").asInt()).isEqualTo(2);
		assertThat(again.at("/result/created").asInt()).isZero();
		assertThat(this.jdbc.sql("select count(*) from fund_allocation where document_no like ?")
			.param(doc + "%")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void importsAProjectListFromXlsxKeepingGoodRowsAndReportingBadOnes() throws IOException {
		String first = ProjectMother.allocate(this.staff, YEAR, "FIRST_BATCH", "1000000");
		String firstDoc = this.staff.get(ProjectMother.ALLOCATIONS + "/" + first).at("/documentNo");
		String code = ProjectMother.unique("XM");
		byte[] xlsx = workbook(List.of(
				List.of("项目编码", "项目名称", "项目类型", "乡镇代码", "村", "年度", "概算（万元）", "实施单位", "搬迁户数", "搬迁人数", "资金文号",
						"安排资金（万元）"),
				List.of(code + "-1", "三合村道路硬化", "基础设施", ProjectMother.TOWNSHIP, "三合村", YEAR, 60, "九龙岭镇", "", "",
						firstDoc, 60),
				List.of(code + "-2", "产业园配套", "INDUSTRY", ProjectMother.TOWNSHIP, "三合村", YEAR, 50, "九龙岭镇", "", "",
						firstDoc, 50),
				List.of(code + "-3", "避险搬迁", "避险搬迁", ProjectMother.TOWNSHIP, "三合村", YEAR, 30, "", "", "", "", ""),
				List.of(code + "-4", "修路", "修路", ProjectMother.TOWNSHIP, "三合村", YEAR, 30, "", "", "", "", ""),
				List.of(code + "-5", "水渠", "基础设施", ProjectMother.TOWNSHIP, "三合村", YEAR, 30, "", "", "", "无此文号", 10),
				List.of(code + "-6", "避险搬迁", "避险搬迁", ProjectMother.TOWNSHIP, "三合村", YEAR, 30, "", 8, 27, "", ""),
				List.of(code + "-7", "入库项目", "其他", ProjectMother.TOWNSHIP, "", YEAR, 12.5, "", "", "", "", "")));
		JsonNode job = ProjectMother.importList(this.staff, "projects", "projects.xlsx", xlsx);

		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
		assertThat(job.at("/result/rows").asInt()).isEqualTo(7);
		assertThat(job.at("/result/created").asInt()).isEqualTo(3);
		assertThat(job.at("/result/rejected").asInt()).isEqualTo(4);
		assertThat(job.get("errors")).extracting((e) -> e.get("row").asInt() + ":" + e.get("field").asString())
			.containsExactly("3:allocation-overdrawn", "4:relocatedHouseholds", "5:type", "6:allocationDocumentNo");
		TestHttp.Response imported = this.staff.get(ProjectMother.PROJECTS + "?q=" + code + "&size=10");
		assertThat(imported.at("/total")).isEqualTo("3");
		TestHttp.Response relocation = this.staff.get(ProjectMother.PROJECTS + "?q=" + code + "-6");
		assertThat(relocation.at("/items/0/relocatedPersons")).isEqualTo("27");
		assertThat(relocation.at("/items/0/type")).isEqualTo("RISK_RELOCATION");
		TestHttp.Response library = this.staff.get(ProjectMother.PROJECTS + "?q=" + code + "-7");
		assertThat(library.json().at("/items/0/budget").decimalValue()).isEqualByComparingTo("125000");
		assertThat(this.staff.get(ProjectMother.ALLOCATIONS + "/" + first).json().get("remaining").decimalValue())
			.isEqualByComparingTo("400000");
	}

	@Test
	void townshipOfficersImportOnlyTheirOwnTownshipsProjectsWithoutFunds() {
		TestHttp officer = new TestHttp(this.client).as(TestTokens.officer("qian", ProjectMother.TOWNSHIP));
		String allocation = ProjectMother.allocate(this.staff, YEAR, "OTHER", "100");
		String doc = this.staff.get(ProjectMother.ALLOCATIONS + "/" + allocation).at("/documentNo");
		String code = ProjectMother.unique("TW");
		String csv = """
				code,name,type,townshipCode,year,budget,allocationDocumentNo,fundingAmount
				%1$s-1,own,OTHER,%2$s,%4$d,100,,
				%1$s-2,other township,OTHER,%3$s,%4$d,100,,
				%1$s-3,own with funds,OTHER,%2$s,%4$d,100,%5$s,100
				""".formatted(code, ProjectMother.TOWNSHIP, ProjectMother.OTHER_TOWNSHIP, YEAR, doc);
		JsonNode job = ProjectMother.importList(officer, "projects", "projects.csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job.at("/result/created").asInt()).as(job.toString()).isEqualTo(1);
		assertThat(job.get("errors")).extracting((e) -> e.get("field").asString())
			.containsExactly("forbidden", "forbidden");
		assertThat(
				officer.upload(ProjectMother.PROJECTS + "/imports/fund-allocations", "a.csv", csv.getBytes()).status())
			.isEqualTo(403);
	}

	@Test
	void aFileWithoutTheRequiredColumnsFailsTheJobAndWritesNothing() {
		long before = this.jdbc.sql("select count(*) from project").query(Long.class).single();
		JsonNode job = ProjectMother.importList(this.staff, "projects", "projects.csv",
				"名称,金额\n道路,100\n".getBytes(StandardCharsets.UTF_8));
		assertThat(job.get("status").asString()).isEqualTo("FAILED");
		assertThat(job.get("message").asString()).contains("missing columns");
		assertThat(this.staff.upload(ProjectMother.PROJECTS + "/imports/projects", "empty.csv", new byte[0]).status())
			.isEqualTo(400);
		assertThat(this.jdbc.sql("select count(*) from project").query(Long.class).single()).isEqualTo(before);
	}

	static byte[] workbook(List<List<Object>> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("项目");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				List<Object> cells = rows.get(r);
				for (int c = 0; c < cells.size(); c++) {
					Object value = cells.get(c);
					if (value instanceof Number number) {
						row.createCell(c).setCellValue(number.doubleValue());
					}
					else if (!value.toString().isEmpty()) {
						row.createCell(c).setCellValue(value.toString());
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

}
