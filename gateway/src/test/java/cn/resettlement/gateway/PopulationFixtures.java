package cn.resettlement.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.resettlement.testsupport.TestIdNumbers;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Households and migrants registered through the gateway by an administrator, for tests
 * that need records of a given township.
 */
final class PopulationFixtures {

	private static final AtomicInteger HOUSEHOLDS = new AtomicInteger();

	private final Http gateway;

	PopulationFixtures(Http gateway) {
		this.gateway = gateway;
	}

	static Map<String, Object> householdBody(String township) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("householdNo", "GW" + System.nanoTime() % 1_000_000_000L + "-" + HOUSEHOLDS.incrementAndGet());
		body.put("townshipCode", township);
		body.put("village", "三合村");
		body.put("reservoir", "红旗水库");
		body.put("areaType", "RESERVOIR_AREA");
		body.put("relocatedOn", "2010-05-01");
		body.put("address", "九龙岭镇三合村一组");
		return body;
	}

	static Map<String, Object> migrantBody(String householdId, String idNumber) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("idNumber", idNumber);
		body.put("name", "李明");
		body.put("householdId", householdId);
		body.put("relationToHead", "户主");
		body.put("phone", "13800000000");
		body.put("cardAccount", "6217000012345678");
		return body;
	}

	/** Registers a household of the township; returns its id. */
	String registerHousehold(String township) {
		Http.Response response = admin().post("/api/v1/population/households", householdBody(township));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.at("/id");
	}

	/** Registers a migrant in a new household of the township. */
	Migrant registerMigrant(String township) {
		String household = registerHousehold(township);
		String idNumber = TestIdNumbers.unique();
		Http.Response response = admin().post("/api/v1/population/migrants", migrantBody(household, idNumber));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return new Migrant(response.at("/id"), response.header("ETag"), idNumber, household, township);
	}

	private Http admin() {
		return this.gateway.as(TestTokens.admin(Platform.user("fixture-admin")));
	}

	/**
	 * A registered migrant.
	 *
	 * @param id migrant id
	 * @param etag version as registered
	 * @param idNumber the full ID number
	 * @param householdId the household
	 * @param township township code
	 */
	record Migrant(String id, String etag, String idNumber, String householdId, String township) {
	}

}
