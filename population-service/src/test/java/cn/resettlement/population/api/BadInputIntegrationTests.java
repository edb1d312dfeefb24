package cn.resettlement.population.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.population.PopulationMother;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind against every writing endpoint: a 4xx problem+json, never a
 * 5xx, and not a single row or event written.
 */
@IntegrationTest
class BadInputIntegrationTests {

	private static final String VALID_ID = TestIdNumbers.of("430582", LocalDate.of(1985, 6, 1), 331);

	@Autowired
	RestTestClient client;

	@Autowired
	JdbcClient jdbc;

	TestHttp staff;

	static String household;

	static String migrant;

	@BeforeEach
	void setUp() {
		this.staff = new TestHttp(this.client).as(TestTokens.staff("alice"));
		if (household == null) {
			household = PopulationMother.registerHousehold(this.staff, PopulationMother.TOWNSHIP,
					LocalDate.of(2001, 5, 1));
			migrant = this.staff
				.post("/api/v1/population/migrants", PopulationMother.migrant(household, TestIdNumbers.unique()))
				.at("/id");
		}
	}

	static Stream<Arguments> badRequests() {
		String householdOk = """
				{"householdNo":"%s","townshipCode":"430582101","village":"三合村","areaType":"RESERVOIR_AREA","relocatedOn":"2001-05-01"}""";
		List<Arguments> cases = new ArrayList<>();
		String households = "/api/v1/population/households";
		cases.add(bad("malformed JSON", households, "{\"householdNo\":", 400));
		cases.add(bad("not an object", households, "[1,2,3]", 400));
		cases.add(bad("empty body", households, "", 400));
		cases.add(bad("trailing garbage", households, householdOk.formatted("T1") + "}}", 400));
		cases.add(bad("missing fields", households, "{\"householdNo\":\"T2\"}", 400));
		cases
			.add(bad("unknown field", households, householdOk.formatted("T3").replace("}", ",\"isAdmin\":true}"), 400));
		cases.add(bad("unknown enum", households, householdOk.formatted("T4").replace("RESERVOIR_AREA", "MOUNTAIN"),
				400));
		cases.add(
				bad("enum as number", households, householdOk.formatted("T5").replace("\"RESERVOIR_AREA\"", "1"), 400));
		cases.add(bad("impossible date", households, householdOk.formatted("T6").replace("2001-05-01", "2001-02-30"),
				400));
		cases.add(bad("date in the future", households,
				householdOk.formatted("T7").replace("2001-05-01", LocalDate.now().plusYears(1).toString()), 400));
		cases.add(bad("date too early", households, householdOk.formatted("T8").replace("2001-05-01", "1800-01-01"),
				400));
		cases
			.add(bad("wrong type", households, householdOk.formatted("T9").replace("\"430582101\"", "430582101"), 400));
		cases.add(bad("township of another unit", households,
				householdOk.formatted("T10").replace("430582101", "430581101"), 400));
		cases.add(bad("oversized value", households, householdOk.formatted("X".repeat(5000)), 400));
		cases.add(bad("control characters", households, householdOk.formatted("T11\\u0000\\u0007"), 400));
		cases.add(bad("duplicate key", households, householdOk.formatted("T12").replace("{", "{\"village\":\"a\","),
				400));
		String migrants = "/api/v1/population/migrants";
		String migrantOk = "{\"idNumber\":\"%s\",\"name\":\"%s\",\"householdId\":\"%s\"}";
		cases.add(bad("bad check digit", migrants,
				migrantOk.formatted(TestIdNumbers.withBadCheckDigit(VALID_ID), "张三", "HOUSEHOLD"), 400));
		cases.add(bad("17-digit ID", migrants, migrantOk.formatted(VALID_ID.substring(0, 17), "张三", "HOUSEHOLD"), 400));
		cases.add(bad("ID with letters", migrants, migrantOk.formatted("43058219850601ABCD", "张三", "HOUSEHOLD"), 400));
		cases.add(bad("impossible birth date in ID", migrants,
				migrantOk.formatted(
						TestIdNumbers.of("430582", LocalDate.of(1985, 6, 1), 331).replace("19850601", "19850231"), "张三",
						"HOUSEHOLD"),
				400));
		cases.add(bad("not a UUID", migrants, migrantOk.formatted(VALID_ID, "张三", "not-a-uuid"), 400));
		cases.add(bad("unknown household", migrants,
				migrantOk.formatted(VALID_ID, "张三", "00000000-0000-0000-0000-000000000000"), 422));
		cases.add(bad("injection string", migrants,
				migrantOk.formatted(VALID_ID, "'); drop table migrant; --\\u0000", "HOUSEHOLD"), 400));
		cases.add(bad("sex disagrees with ID", migrants,
				migrantOk.formatted(VALID_ID, "张三", "HOUSEHOLD").replace("}", ",\"sex\":\"FEMALE\"}"), 400));
		cases.add(bad("category disagrees", migrants,
				migrantOk.formatted(VALID_ID, "张三", "HOUSEHOLD").replace("}", ",\"category\":\"NEW\"}"), 400));
		cases.add(bad("card with letters", migrants,
				migrantOk.formatted(VALID_ID, "张三", "HOUSEHOLD").replace("}", ",\"cardAccount\":\"62x7\"}"), 400));
		String adjustments = "/api/v1/population/migrants/MIGRANT/adjustments";
		String adjustmentOk = "{\"type\":\"DEATH\",\"effectiveDate\":\"2024-03-01\",\"decidedOn\":\"2024-03-05\",\"reason\":\"r\"}";
		cases.add(bad("unknown adjustment type", adjustments, adjustmentOk.replace("DEATH", "ABDUCTED"), 400));
		cases.add(bad("missing reason", adjustments, adjustmentOk.replace(",\"reason\":\"r\"", ""), 400));
		cases.add(bad("blank reason", adjustments, adjustmentOk.replace("\"r\"", "\"  \""), 400));
		cases.add(bad("adjusting an unknown migrant",
				adjustments.replace("MIGRANT", "00000000-0000-0000-0000-000000000000"), adjustmentOk, 404));
		cases.add(bad("lookup without numbers", "/api/v1/population/migrants/lookup", "{\"idNumbers\":[]}", 400));
		cases.add(bad("lookup of a number with a wrong check digit", "/api/v1/population/migrants/lookup",
				"{\"idNumbers\":[\"" + VALID_ID + "\",\"" + TestIdNumbers.withBadCheckDigit(VALID_ID) + "\"]}", 400));
		cases.add(bad("adjustment reason with an escape character", adjustments,
				adjustmentOk.replace("\"r\"", "\"r\\u001b[2J\""), 400));
		cases.add(bad("lookup of too many", "/api/v1/population/migrants/lookup",
				"{\"idNumbers\":[" + "\"1\",".repeat(1000) + "\"1\"]}", 400));
		return cases.stream();
	}

	static Arguments bad(String name, String uri, String body, int status) {
		return Arguments.of(name, uri, body, status);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void isRejectedWithAProblemAndWritesNothing(String name, String uri, String body, int status) {
		Map<String, Long> before = counts();
		TestHttp.Response response = this.staff.exchange(HttpMethod.POST, uri.replace("MIGRANT", migrant),
				body.replace("HOUSEHOLD", household), Map.of());
		assertThat(response.status()).as(name + ": " + response).isEqualTo(status);
		assertThat(response.contentType()).hasToString("application/problem+json");
		assertThat(response.at("/type")).startsWith("/problems/");
		if (status == 400) {
			assertThat(response.json().has("errors") || response.at("/type").equals("/problems/malformed-request"))
				.as("names the field")
				.isTrue();
		}
		assertThat(counts()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badQueries")
	void badQueryParametersAre400(String name, String uri) {
		TestHttp.Response response = this.staff.get(uri);
		assertThat(response.status()).as(name + ": " + response).isEqualTo(400);
		assertThat(response.contentType()).hasToString("application/problem+json");
	}

	static Stream<Arguments> badQueries() {
		return Stream.of(Arguments.of("page size above 500", "/api/v1/population/migrants?size=501"),
				Arguments.of("negative page", "/api/v1/population/migrants?page=-1"),
				Arguments.of("page not a number", "/api/v1/population/migrants?page=x"),
				Arguments.of("unknown status", "/api/v1/population/migrants?status=DEAD"),
				Arguments.of("search too long", "/api/v1/population/migrants?q=" + "x".repeat(60)),
				Arguments.of("id not a UUID", "/api/v1/population/migrants/123"));
	}

	private Map<String, Long> counts() {
		return Map.of("household", count("household"), "migrant", count("migrant"), "adjustment", count("adjustment"),
				"outbox", count("outbox_event"), "audit", count("audit_log"));
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
