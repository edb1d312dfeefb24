package cn.resettlement.petition.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.petition.PetitionMother;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestTokens;
import cn.resettlement.testsupport.TopicRecorder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed report's petition figures for 2024 — "接待上访共20批78人次，对反映的问题办结率达百分之百" —
 * reproduced from petitions recorded through the API: by the year summary, by the events
 * alone (as reporting-service counts), and in the exported ledger. No other test records
 * petitions received in 2024.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceYearIntegrationTests {

	private static final int YEAR = 2024;

	private static final String TOWNSHIP = "430582103";

	private static final String OTHER_TOWNSHIP = "430582104";

	/**
	 * The themes the seed names, with the persons of each visit: 20 batches, 78 persons.
	 */
	private static final Map<String, List<Integer>> VISITS = Map.of("HOMESTEAD", List.of(5, 3, 4, 6), "LIVELIHOOD",
			List.of(2, 4, 3, 5, 6), "ROAD", List.of(8, 3, 2, 4), "HOUSEHOLD_REGISTRATION", List.of(3, 2, 4), "SUBSIDY",
			List.of(5, 3, 2, 4));

	private TopicRecorder topic;

	private RestTestClient client;

	private TestHttp staff;

	private final List<String> idNumbers = new ArrayList<>();

	@BeforeAll
	void recordTheYear(@Autowired RestTestClient client, @Autowired KafkaConnectionDetails kafka) {
		this.topic = TopicRecorder.record(String.join(",", kafka.getBootstrapServers()), "resettlement.petition.v1");
		this.client = client;
		this.staff = new TestHttp(client).as(TestTokens.staff("alice"));
		int n = 0;
		for (String category : List.of("HOMESTEAD", "LIVELIHOOD", "ROAD", "HOUSEHOLD_REGISTRATION", "SUBSIDY")) {
			for (int persons : VISITS.get(category)) {
				LocalDate received = LocalDate.of(YEAR, 1 + n % 12, 3 + n);
				Map<String, Object> body = PetitionMother.petition(received, persons,
						(n % 4 == 0) ? OTHER_TOWNSHIP : TOWNSHIP);
				body.put("category", category);
				if (n % 3 == 0) {
					String idNumber = TestIdNumbers.unique();
					this.idNumbers.add(idNumber);
					PetitionMother.withPetitioners(body, PetitionMother.petitioner("代表" + n, idNumber));
				}
				String id = PetitionMother.register(this.staff, body).at("/id");
				if (n == 19) {
					// not accepted: counted as a batch, outside the resolution rate
					PetitionMother.command(this.staff, id, "reject",
							Map.of("decidedOn", received.plusDays(6).toString(), "reason", "属于司法程序处理事项，已告知依法申请"));
				}
				else {
					PetitionMother.accept(this.staff, id, received.plusDays(5));
					if (n == 7) {
						PetitionMother.command(this.staff, id, "extend",
								Map.of("days", 20, "reason", "需多部门会商", "extendedOn", received.plusDays(60).toString()));
					}
					PetitionMother.reply(this.staff, id, received.plusDays((n == 7) ? 80 : 35));
					PetitionMother.close(this.staff, id, received.plusDays((n == 7) ? 83 : 38),
							(n == 4) ? "BASICALLY_SATISFIED" : "SATISFIED");
				}
				n++;
			}
		}
	}

	@AfterAll
	void stopRecording() {
		this.topic.close();
	}

	@Test
	void theYearSummaryStatesTwentyBatchesSeventyEightPersonTimesAndFullResolution() {
		TestHttp.Response summary = this.staff.get(PetitionMother.BASE + "/summary?year=" + YEAR);
		assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
		JsonNode s = summary.json();
		assertThat(s.get("batches").asLong()).isEqualTo(20);
		assertThat(s.get("personTimes").asLong()).isEqualTo(78);
		assertThat(s.get("accepted").asLong()).isEqualTo(19);
		assertThat(s.get("rejected").asLong()).isEqualTo(1);
		assertThat(s.get("closed").asLong()).isEqualTo(19);
		assertThat(s.get("resolutionRatePercent").decimalValue()).isEqualByComparingTo("100.0");
		assertThat(s.get("collectiveBatches").asLong()).isEqualTo(6);
		assertThat(s.at("/acceptanceOnTime/ratePercent").decimalValue()).isEqualByComparingTo("100.0");
		assertThat(s.at("/replyOnTime/onTime").asLong()).isEqualTo(19);
		assertThat(s.at("/satisfaction/basicallySatisfied").asLong()).isEqualTo(1);
		assertThat(s.at("/satisfaction/ratePercent").decimalValue()).isEqualByComparingTo("100.0");
		assertThat(s.at("/byCategory/HOMESTEAD/batches").asLong()).isEqualTo(4);
		assertThat(s.at("/byCategory/HOMESTEAD/personTimes").asLong()).isEqualTo(18);
		assertThat(s.at("/byCategory/SUBSIDY/accepted").asLong()).isEqualTo(3);
		assertThat(s.at("/byCategory/OTHER/batches").asLong()).isZero();
		assertThat(s.at("/byChannel/VISIT/personTimes").asLong()).isEqualTo(78);

		JsonNode township = this.staff.get(PetitionMother.BASE + "/summary?year=" + YEAR + "&townshipCode=" + TOWNSHIP)
			.json();
		JsonNode other = this.staff
			.get(PetitionMother.BASE + "/summary?year=" + YEAR + "&townshipCode=" + OTHER_TOWNSHIP)
			.json();
		assertThat(township.get("batches").asLong() + other.get("batches").asLong()).isEqualTo(20);
		assertThat(township.get("personTimes").asLong() + other.get("personTimes").asLong()).isEqualTo(78);
	}

	@Test
	void theEventsAloneCarryTheSameFigures() {
		List<JsonNode> registered = this.topic.awaitEvents("PetitionRegistered", ReferenceYearIntegrationTests::ofYear,
				20);
		List<JsonNode> closed = this.topic.awaitEvents("PetitionClosed", ReferenceYearIntegrationTests::ofYear, 19);
		Set<String> accepted = this.topic.awaitEvents("PetitionAccepted", ReferenceYearIntegrationTests::ofYear, 19)
			.stream()
			.map((e) -> e.get("subject").asString())
			.collect(Collectors.toSet());
		Set<String> closedIds = closed.stream().map((e) -> e.get("subject").asString()).collect(Collectors.toSet());

		assertThat(registered).hasSize(20);
		assertThat(registered.stream().mapToInt((e) -> e.at("/data/personCount").asInt()).sum()).isEqualTo(78);
		assertThat(accepted).hasSize(19);
		assertThat(closedIds).hasSize(19).isSubsetOf(accepted);
		assertThat(100.0 * closedIds.size() / accepted.size()).isEqualTo(100.0);
		assertThat(this.topic.events("PetitionRejected").stream().filter(ReferenceYearIntegrationTests::ofYear))
			.hasSize(1);
		this.topic.assertAllValid();
	}

	@Test
	void theLedgerOfTheYearExportsAsAStreamedWorkbookWithMaskedIdNumbers() throws IOException {
		byte[] xlsx = this.staff.download(PetitionMother.BASE + "/ledger.xlsx?year=" + YEAR);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet("信访台账");
			assertThat(sheet).isNotNull();
			Row header = sheet.getRow(0);
			assertThat(header.getCell(1).getStringCellValue()).isEqualTo("编号");
			assertThat(header.getCell(7).getStringCellValue()).isEqualTo("人次");
			assertThat(sheet.getLastRowNum()).as("20 petitions under the header").isEqualTo(20);
			double persons = 0;
			StringBuilder text = new StringBuilder();
			for (int r = 1; r <= 20; r++) {
				Row row = sheet.getRow(r);
				persons += row.getCell(7).getNumericCellValue();
				assertThat(row.getCell(3).getStringCellValue()).isEqualTo("来访");
				assertThat(row.getCell(2).getLocalDateTimeCellValue().getYear()).isEqualTo(YEAR);
				text.append(row.getCell(11).getStringCellValue()).append(row.getCell(13).getStringCellValue());
			}
			assertThat(persons).isEqualTo(78);
			assertThat(sheet.getRow(1).getCell(2).getLocalDateTimeCellValue().toLocalDate()).as("oldest first")
				.isEqualTo(LocalDate.of(YEAR, 1, 3));
			assertThat(text).contains("已办结", "不予受理", "匿名");
			for (String idNumber : this.idNumbers) {
				assertThat(text).doesNotContain(idNumber)
					.contains(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
			}
		}
	}

	@Test
	void anOfficersExportHoldsOnlyTheirTownship() throws IOException {
		TestHttp officer = new TestHttp(this.client).as(TestTokens.officer("olga", OTHER_TOWNSHIP));
		assertThat(
				officer.get(PetitionMother.BASE + "/ledger.xlsx?year=" + YEAR + "&townshipCode=" + TOWNSHIP).status())
			.isEqualTo(403);
		TestHttp.Response response = officer.get(PetitionMother.BASE + "/ledger.xlsx?year=" + YEAR);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).hasToString(LedgerController.XLSX);
		assertThat(response.headers().getContentDisposition().getFilename()).isEqualTo("信访台账-2024.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(officer.download(PetitionMother.BASE + "/ledger.xlsx?year=" + YEAR)))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).as("petitions 0, 4, 8, 12 and 16 are theirs").isEqualTo(5);
			for (int r = 1; r <= 5; r++) {
				assertThat(sheet.getRow(r).getCell(9).getStringCellValue()).isEqualTo(OTHER_TOWNSHIP);
			}
		}
	}

	private static boolean ofYear(JsonNode event) {
		return event.at("/data/receivedOn").asString().startsWith(YEAR + "-");
	}

}
