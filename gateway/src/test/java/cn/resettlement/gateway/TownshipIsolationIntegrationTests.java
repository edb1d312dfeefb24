package cn.resettlement.gateway;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A township officer (乡镇移民专干) sees and changes only their own township's migrants,
 * whichever way they ask — by id, by list filter, by ID-number lookup — and a refused
 * change changes nothing.
 */
class TownshipIsolationIntegrationTests {

	private final Platform platform = Platform.get();

	private final PopulationFixtures fixtures = new PopulationFixtures(this.platform.http());

	private final Http officer = this.platform.http()
		.as(TestTokens.officer(Platform.user("officer"), Platform.OWN_TOWNSHIP));

	private final Http admin = this.platform.http().as(TestTokens.admin(Platform.user("admin")));

	@Test
	void anOfficerCannotReadAnotherTownshipsMigrantOrHousehold() {
		PopulationFixtures.Migrant own = this.fixtures.registerMigrant(Platform.OWN_TOWNSHIP);
		PopulationFixtures.Migrant other = this.fixtures.registerMigrant(Platform.OTHER_TOWNSHIP);

		assertThat(this.officer.get("/api/v1/population/migrants/" + own.id()).status()).isEqualTo(200);
		assertThat(this.officer.get("/api/v1/population/migrants/" + other.id()).status()).isEqualTo(403);
		assertThat(this.officer.get("/api/v1/population/migrants/" + other.id() + "/adjustments").status())
			.isEqualTo(403);
		assertThat(this.officer.get("/api/v1/population/households/" + other.householdId()).status()).isEqualTo(403);
	}

	@Test
	void anOfficerCannotChangeAnotherTownshipsMigrantAndNothingChanges() {
		PopulationFixtures.Migrant other = this.fixtures.registerMigrant(Platform.OTHER_TOWNSHIP);

		Http.Response correction = this.officer.patch("/api/v1/population/migrants/" + other.id(),
				Map.of("phone", "13911112222"), other.etag());
		Http.Response adjustment = this.officer.post("/api/v1/population/migrants/" + other.id() + "/adjustments",
				Map.of("type", "DEATH", "effectiveDate", "2025-02-01", "decidedOn", "2025-02-01", "reason", "死亡"));
		Http.Response moveToOwnTownship = this.officer.post("/api/v1/population/migrants", PopulationFixtures
			.migrantBody(other.householdId(), cn.resettlement.testsupport.TestIdNumbers.unique()));

		assertThat(List.of(correction.status(), adjustment.status(), moveToOwnTownship.status())).containsOnly(403);
		Http.Response after = this.admin.get("/api/v1/population/migrants/" + other.id());
		assertThat(after.at("/phone")).isEqualTo("13800000000");
		assertThat(after.at("/status")).isEqualTo("ACTIVE");
		assertThat(after.header("ETag")).isEqualTo(other.etag());
		assertThat(this.admin.get("/api/v1/population/migrants/" + other.id() + "/adjustments").json()).isEmpty();
	}

	@Test
	void anOfficersListsHoldOnlyTheirOwnTownshipAndAskingForAnotherIsRefused() {
		PopulationFixtures.Migrant own = this.fixtures.registerMigrant(Platform.OWN_TOWNSHIP);
		PopulationFixtures.Migrant other = this.fixtures.registerMigrant(Platform.OTHER_TOWNSHIP);

		Http.Response unfiltered = this.officer.get("/api/v1/population/migrants?size=500");
		Http.Response byName = this.officer.get("/api/v1/population/migrants?size=500&q=%E6%9D%8E");

		for (Http.Response list : List.of(unfiltered, byName)) {
			assertThat(list.status()).as(list.toString()).isEqualTo(200);
			List<String> townships = list.json()
				.get("items")
				.valueStream()
				.map((m) -> m.get("townshipCode").asString())
				.distinct()
				.toList();
			assertThat(townships).containsExactly(Platform.OWN_TOWNSHIP);
			assertThat(ids(list.json())).doesNotContain(other.id());
		}
		assertThat(ids(unfiltered.json())).contains(own.id());
		assertThat(this.officer.get("/api/v1/population/migrants?townshipCode=" + Platform.OTHER_TOWNSHIP).status())
			.isEqualTo(403);
		assertThat(this.officer.get("/api/v1/population/households?townshipCode=" + Platform.OTHER_TOWNSHIP).status())
			.isEqualTo(403);
		assertThat(this.admin.get("/api/v1/population/migrants?size=500&townshipCode=" + Platform.OTHER_TOWNSHIP)
			.json()
			.get("items")
			.valueStream()
			.map((m) -> m.get("id").asString())).contains(other.id());
	}

	@Test
	void anOfficersLookupByIdNumberFindsOnlyTheirOwnTownshipsMigrants() {
		PopulationFixtures.Migrant own = this.fixtures.registerMigrant(Platform.OWN_TOWNSHIP);
		PopulationFixtures.Migrant other = this.fixtures.registerMigrant(Platform.OTHER_TOWNSHIP);

		Http.Response lookup = this.officer.post("/api/v1/population/migrants/lookup",
				Map.of("idNumbers", List.of(own.idNumber(), other.idNumber())));

		assertThat(lookup.status()).as(lookup.toString()).isEqualTo(200);
		assertThat(lookup.json().get("items").valueStream().map((m) -> m.get("migrantId").asString()))
			.containsExactly(own.id());
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").valueStream().map((m) -> m.get("id").asString()).toList();
	}

}
