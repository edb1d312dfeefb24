package cn.resettlement.population.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.population.PopulationMother;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class RosterImportIntegrationTests {

	private static final String HEADER = "户编号,乡镇代码,村,水库,区域类型,搬迁日期,地址,身份证号,姓名,与户主关系,电话,一卡通账号,类别";

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	TestHttp staff;

	@BeforeEach
	void setUp() {
		this.staff = new TestHttp(this.client).as(TestTokens.staff("alice"));
	}

	@Test
	void importsAChineseCsvKeepsValidRowsReportsBadOnesAndReImportsWithoutDuplicates() {
		String household = "IMP" + System.nanoTime();
		List<String> ids = List.of(TestIdNumbers.unique(), TestIdNumbers.unique(), TestIdNumbers.unique());
		String csv = String.join("\n", HEADER, row(household, ids.get(0), "张三", "户主"),
				row(household, ids.get(1), "李四", "配偶"),
				row(household, TestIdNumbers.withBadCheckDigit(ids.get(2)), "王五", "子女"),
				household + "-2,430582101,三合村,红旗水库,库区,2001-02-30,," + ids.get(2) + ",赵六,户主,,,原迁",
				household + "-3,999999999,三合村,红旗水库,山区,2001-05-01,,,,,,,") + "\n";

		JsonNode job = runImport("roster.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(job.at("/result/rows").asLong()).isEqualTo(5);
		assertThat(job.at("/result/created").asLong()).isEqualTo(2);
		assertThat(job.at("/result/householdsCreated").asLong()).isEqualTo(1);
		assertThat(job.at("/result/rejected").asLong()).isEqualTo(3);
		assertThat(job.get("processed").asLong()).isEqualTo(5);
		List<String> errors = new ArrayList<>();
		job.get("errors").forEach((e) -> errors.add(e.get("row").asLong() + ":" + e.get("field").asString()));
		assertThat(errors).contains("4:idNumber", "5:relocatedOn", "6:townshipCode", "6:areaType", "6:idNumber",
				"6:name");
		assertThat(this.jdbc.sql("select count(*) from migrant where id_number = any(?)")
			.param(ids.toArray(String[]::new))
			.query(Long.class)
			.single()).isEqualTo(2);

		JsonNode again = runImport("roster.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(again.at("/result/created").asLong()).isZero();
		assertThat(again.at("/result/alreadyRegistered").asLong()).isEqualTo(2);
		assertThat(again.at("/result/householdsCreated").asLong()).isZero();
		assertThat(this.jdbc.sql("select count(*) from migrant where id_number = any(?)")
			.param(ids.toArray(String[]::new))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void readsGbkEncodedCsvFromExcel() {
		String id = TestIdNumbers.unique();
		String csv = HEADER + "\r\n" + row("GBK" + System.nanoTime(), id, "欧阳娜娜", "户主") + "\r\n";
		JsonNode job = runImport("roster.csv", csv.getBytes(Charset.forName("GBK")));
		assertThat(job.at("/result/created").asLong()).as(job.toString()).isEqualTo(1);
		assertThat(this.jdbc.sql("select name from migrant where id_number = ?").param(id).query(String.class).single())
			.isEqualTo("欧阳娜娜");
	}

	@Test
	void importsAnXlsxWithRealDateCells() throws IOException {
		String id = TestIdNumbers.unique();
		byte[] xlsx;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("花名册");
			String[] header = HEADER.split(",");
			Row head = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				head.createCell(i).setCellValue(header[i]);
			}
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue("XLSX" + System.nanoTime());
			row.createCell(1).setCellValue(430582101);
			row.createCell(2).setCellValue("砂石居委会");
			row.createCell(4).setCellValue("安置区");
			row.createCell(5).setCellValue(LocalDate.of(2008, 9, 15));
			row.getCell(5).setCellStyle(dateStyle);
			row.createCell(7).setCellValue(id);
			row.createCell(8).setCellValue("刘洋");
			workbook.write(out);
			xlsx = out.toByteArray();
		}
		JsonNode job = runImport("roster.xlsx", xlsx);
		assertThat(job.at("/result/created").asLong()).as(job.toString()).isEqualTo(1);
		JsonNode migrant = this.staff.get("/api/v1/population/migrants?q=" + id).json().at("/items/0");
		assertThat(migrant.get("category").asString()).isEqualTo("NEW");
		assertThat(migrant.get("supportStart").asString()).isEqualTo("2008-09-01");
	}

	@Test
	void aFileWithoutTheRequiredColumnsFailsTheJobWithAClearMessage() {
		JsonNode job = runImport("roster.csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
		assertThat(job.get("status").asString()).isEqualTo("FAILED");
		assertThat(job.get("message").asString()).contains("missing columns").contains("idNumber");
	}

	@Test
	void anEmptyUploadIsABadRequest() {
		TestHttp.Response response = this.staff.upload("/api/v1/population/imports", "roster.csv", new byte[0]);
		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void townshipOfficersImportOnlyTheirOwnTownship() {
		String own = TestIdNumbers.unique();
		String other = TestIdNumbers.unique();
		String csv = HEADER + "\n" + row("OFF" + System.nanoTime(), own, "陈一", "户主") + "\n"
				+ row("OFF" + System.nanoTime(), other, "陈二", "户主").replace("430582101", "430582102") + "\n";
		TestHttp officer = new TestHttp(this.client).as(TestTokens.officer("zhang", PopulationMother.TOWNSHIP));
		TestHttp.Response accepted = officer.upload("/api/v1/population/imports", "roster.csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(accepted.status()).isEqualTo(202);
		JsonNode job = awaitJob(officer, accepted.at("/id"));
		assertThat(job.at("/result/created").asLong()).isEqualTo(1);
		assertThat(job.at("/errors/0/field").asString()).isEqualTo("townshipCode");
		assertThat(this.staff.get("/api/v1/population/jobs/" + accepted.at("/id")).status()).isEqualTo(200);
		assertThat(new TestHttp(this.client).as(TestTokens.officer("li", PopulationMother.TOWNSHIP))
			.get("/api/v1/population/jobs/" + accepted.at("/id"))
			.status()).as("another officer's job").isEqualTo(403);
	}

	private static String row(String household, String idNumber, String name, String relation) {
		return household + ",430582101,三合村,红旗水库,库区,2001-05-01,九龙岭镇," + idNumber + "," + name + "," + relation
				+ ",13900000000,6217000011112222,原迁";
	}

	private JsonNode runImport(String filename, byte[] content) {
		TestHttp.Response accepted = this.staff.upload("/api/v1/population/imports", filename, content);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		assertThat(accepted.headers().getLocation()).hasPath("/api/v1/population/jobs/" + accepted.at("/id"));
		return awaitJob(this.staff, accepted.at("/id"));
	}

	private static JsonNode awaitJob(TestHttp http, String id) {
		JsonNode[] job = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			job[0] = http.get("/api/v1/population/jobs/" + id).json();
			String status = job[0].get("status").asString();
			return status.equals("SUCCEEDED") || status.equals("FAILED");
		});
		return job[0];
	}

}
