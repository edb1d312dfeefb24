package cn.resettlement.subsidy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.subsidy.Fixtures.Person;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestTokens;

import static cn.resettlement.subsidy.Fixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation (比对) of the finance bureau's payee list with a batch and with the
 * eligible roster.
 */
@IntegrationTest
class ReconciliationIntegrationTests {

	private static Person matching;

	private static Person renamed;

	private static Person otherCard;

	private static Person missing;

	private static String batchId;

	private static final String STRANGER = TestIdNumbers.unique();

	@Autowired
	RestTestClient client;

	Fixtures fixtures;

	@BeforeAll
	static void batchOf2017(@Autowired RestTestClient client) {
		matching = Fixtures.register(Fixtures.TOWNSHIP);
		renamed = Fixtures.register(Fixtures.TOWNSHIP);
		otherCard = Fixtures.register(Fixtures.OTHER_TOWNSHIP);
		missing = Fixtures.register(Fixtures.TOWNSHIP);
		Fixtures fixtures = new Fixtures(client);
		fixtures.policy(2017, "ANNUAL");
		batchId = fixtures.generate(2017, "2017").at("/id");
	}

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client);
	}

	@Test
	void comparesAPayeeListWithABatch() {
		String csv = "身份证号码,姓名,一卡通账号\n" + row(matching.idNumber(), matching.name(), matching.cardAccount())
				+ row(renamed.idNumber(), "=HYPERLINK(\"http://evil\")", renamed.cardAccount())
				+ row(otherCard.idNumber(), otherCard.name(), "6217009999999999")
				+ row(STRANGER, "赵六", "6217001111111111")
				+ row(matching.idNumber(), matching.name(), matching.cardAccount())
				+ row("43058219800101123", "坏号", "1");
		TestHttp.Response report = this.fixtures.staff()
			.upload(BASE + "/reconciliations?batchId=" + batchId, "payees.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(report.status()).as(report.toString()).isEqualTo(201);
		assertThat(report.at("/against")).isEqualTo("BATCH");
		assertThat(report.at("/payeeRows")).isEqualTo("6");
		assertThat(report.at("/nameMismatches")).isEqualTo("1");
		assertThat(report.at("/cardAccountMismatches")).isEqualTo("1");
		assertThat(report.at("/missingInReference")).isEqualTo("1");
		assertThat(report.at("/duplicates")).isEqualTo("1");
		assertThat(report.at("/invalidRows")).isEqualTo("1");
		assertThat(report.json().get("missingInPayeeList").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(report.json().get("matched").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(report.at("/listsMatch")).isEqualTo("false");

		String id = report.at("/id");
		String file = this.fixtures.staff().get(BASE + "/reconciliations/" + id + "/report?format=csv").body();
		assertThat(line(file, missing.idNumber())).contains("MISSING_IN_PAYEE_LIST");
		assertThat(line(file, STRANGER)).contains("MISSING_IN_REFERENCE");
		assertThat(line(file, renamed.idNumber())).contains("NAME_MISMATCH").contains("'=HYPERLINK");
		assertThat(line(file, otherCard.idNumber())).contains("CARD_ACCOUNT_MISMATCH")
			.contains("************9999")
			.doesNotContain("6217009999999999")
			.doesNotContain(otherCard.cardAccount());
		assertThat(line(file, matching.idNumber())).contains("DUPLICATE_IN_PAYEE_LIST");
		assertThat(file).contains("INVALID_ROW");

		TestHttp auditor = this.fixtures.as(TestTokens.auditor("audrey"));
		String masked = auditor.get(BASE + "/reconciliations/" + id + "/report?format=csv").body();
		assertThat(masked).doesNotContain(missing.idNumber()).contains(missing.idNumber().substring(0, 6) + "********");
		TestHttp.Response items = auditor.get(BASE + "/reconciliations/" + id + "/items?kind=NAME_MISMATCH");
		assertThat(items.at("/total")).isEqualTo("1");
		assertThat(items.at("/items/0/payeeName")).startsWith("=HYPERLINK");
		assertThat(items.body()).doesNotContain(renamed.idNumber());
	}

	@Test
	void comparesAnXlsxPayeeListWithTheRoster() throws IOException {
		byte[] xlsx;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("花名册");
			write(sheet.createRow(0), "序号", "姓名", "身份证号", "卡号");
			write(sheet.createRow(1), "1", matching.name(), matching.idNumber(), matching.cardAccount());
			write(sheet.createRow(2), "2", "李四", STRANGER, "6217001111111111");
			workbook.write(out);
			xlsx = out.toByteArray();
		}
		TestHttp.Response report = this.fixtures.staff()
			.upload(BASE + "/reconciliations?asOf=2017-01-01", "花名册.xlsx", xlsx);
		assertThat(report.status()).as(report.toString()).isEqualTo(201);
		assertThat(report.at("/against")).isEqualTo("ROSTER");
		assertThat(report.at("/asOf")).isEqualTo("2017-01-01");
		assertThat(report.at("/matched")).isEqualTo("1");
		assertThat(report.at("/missingInReference")).isEqualTo("1");
		assertThat(report.json().get("referenceRows").asInt()).isGreaterThanOrEqualTo(4);
		assertThat(report.json().get("missingInPayeeList").asInt())
			.isEqualTo(report.json().get("referenceRows").asInt() - 1);
		byte[] download = this.fixtures.staff()
			.download(BASE + "/reconciliations/" + report.at("/id") + "/report?format=xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(download))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("类型");
			assertThat(workbook.getSheetAt(0).getLastRowNum())
				.isEqualTo(report.json().get("missingInPayeeList").asInt() + 1);
		}
		assertThat(LocalDate.parse(report.at("/asOf"))).isBefore(Fixtures.today());
	}

	private static String row(String idNumber, String name, String card) {
		return idNumber + ",\"" + name.replace("\"", "\"\"") + "\"," + card + "\n";
	}

	private static void write(Row row, String... values) {
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

	private static String line(String file, String idNumber) {
		List<String> lines = file.lines().filter((l) -> l.contains(idNumber)).toList();
		assertThat(lines).as(idNumber).hasSize(1);
		return lines.get(0);
	}

}
