package cn.resettlement.population;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestIdNumbers;

import static org.assertj.core.api.Assertions.assertThat;

/** Object Mother: households and migrants of the Shaodong unit, registered over HTTP. */
public final class PopulationMother {

	public static final String TOWNSHIP = "430582101";

	public static final String OTHER_TOWNSHIP = "430582102";

	private static final AtomicInteger HOUSEHOLDS = new AtomicInteger();

	private PopulationMother() {
	}

	public static Map<String, Object> household(String township, LocalDate relocatedOn) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("householdNo", "H" + System.nanoTime() % 1_000_000_000L + "-" + HOUSEHOLDS.incrementAndGet());
		body.put("townshipCode", township);
		body.put("village", "三合村");
		body.put("reservoir", "红旗水库");
		body.put("areaType", "RESERVOIR_AREA");
		body.put("relocatedOn", relocatedOn.toString());
		body.put("address", "九龙岭镇三合村一组");
		return body;
	}

	public static Map<String, Object> migrant(String householdId, String idNumber) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("idNumber", idNumber);
		body.put("name", "李明");
		body.put("householdId", householdId);
		body.put("relationToHead", "户主");
		body.put("phone", "13800000000");
		body.put("cardAccount", "6217000012345678");
		return body;
	}

	public static Map<String, Object> adjustment(String type, String effective, String decided) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("effectiveDate", effective);
		body.put("decidedOn", decided);
		body.put("reason", "乡镇核查");
		body.put("documentNo", "邵移〔2024〕12号");
		return body;
	}

	/** Registers a household relocated on the given date and returns its id. */
	public static String registerHousehold(TestHttp http, String township, LocalDate relocatedOn) {
		TestHttp.Response response = http.post("/api/v1/population/households", household(township, relocatedOn));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.at("/id");
	}

	/**
	 * Registers a migrant in a new household of the township and returns the migrant's
	 * JSON.
	 */
	public static TestHttp.Response registerMigrant(TestHttp http, String township, LocalDate relocatedOn) {
		String household = registerHousehold(http, township, relocatedOn);
		TestHttp.Response response = http.post("/api/v1/population/migrants",
				migrant(household, TestIdNumbers.unique()));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

}
