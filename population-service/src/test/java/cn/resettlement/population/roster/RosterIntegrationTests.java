package cn.resettlement.population.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.population.PopulationMother;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static cn.resettlement.population.PopulationMother.adjustment;
import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RosterIntegrationTests {

	@Autowired
	RestTestClient client;

	TestHttp staff;

	@BeforeEach
	void setUp() {
		this.staff = new TestHttp(this.client).as(TestTokens.staff("alice"));
	}

	@Test
	void theRosterOfADateFollowsEffectiveDatesAndSupportTerms() {
		String stays = migrant(LocalDate.of(2001, 5, 1));
		String diesBefore = migrant(LocalDate.of(2001, 5, 1));
		String diesOnTheDay = migrant(LocalDate.of(2001, 5, 1));
		String diesAfter = migrant(LocalDate.of(2001, 5, 1));
		String relocatedLater = migrant(LocalDate.of(2024, 3, 10));
		adjust(diesBefore, "DEATH", "2023-11-20");
		adjust(diesOnTheDay, "DEATH", "2024-01-01");
		adjust(diesAfter, "DEATH", "2024-01-02");

		Set<String> roster2024 = ids(readAll("2024-01-01", 20_000));
		assertThat(roster2024).contains(stays, diesAfter).doesNotContain(diesBefore, diesOnTheDay, relocatedLater);

		Set<String> roster2023 = ids(readAll("2023-01-01", 20_000));
		assertThat(roster2023).contains(stays, diesBefore, diesOnTheDay, diesAfter).doesNotContain(relocatedLater);

		Set<String> afterTermEnd = ids(readAll("2026-07-01", 20_000));
		assertThat(afterTermEnd).as("the original cohort's term ended on 2026-06-30").doesNotContain(stays);
		assertThat(ids(readAll("2026-06-30", 20_000))).contains(stays);
	}

	@Test
	void pagesOfOneReadAreConsistentWhileAdjustmentsAreRecorded() {
		for (int i = 0; i < 5; i++) {
			migrant(LocalDate.of(2001, 5, 1));
		}
		TestHttp.Response first = this.staff.get("/api/v1/population/roster?asOf=2024-01-01&limit=2");
		assertThat(first.status()).isEqualTo(200);
		long total = first.json().get("total").asLong();
		assertThat(first.json().get("items")).hasSize(2);
		String removedMidRead = this.staff.get("/api/v1/population/migrants?status=ACTIVE&size=1&q=" + "李")
			.at("/items/0/id");
		adjust(removedMidRead, "DISQUALIFIED", "2023-06-01");

		List<JsonNode> all = new ArrayList<>();
		first.json().get("items").forEach(all::add);
		String next = first.at("/next");
		while (next != null && !next.isEmpty()) {
			TestHttp.Response page = this.staff.get("/api/v1/population/roster?asOf=2024-01-01&limit=2&after=" + next);
			assertThat(page.status()).isEqualTo(200);
			page.json().get("items").forEach(all::add);
			next = page.json().get("next").isNull() ? null : page.at("/next");
		}
		assertThat(all).hasSize((int) total);
		assertThat(ids(all)).hasSize((int) total);
		assertThat(ids(readAll("2024-01-01", 1000))).doesNotContain(removedMidRead);
	}

	@Test
	void onlyCentreStaffReadTheRosterAndBadParametersAre400() {
		assertThat(new TestHttp(this.client).as(TestTokens.auditor("audrey"))
			.get("/api/v1/population/roster?asOf=2024-01-01")
			.status()).isEqualTo(403);
		assertThat(new TestHttp(this.client).as(TestTokens.officer("zhang", PopulationMother.TOWNSHIP))
			.get("/api/v1/population/roster?asOf=2024-01-01")
			.status()).isEqualTo(403);
		assertThat(this.staff.get("/api/v1/population/roster?asOf=2024-02-30").status()).isEqualTo(400);
		assertThat(this.staff.get("/api/v1/population/roster").status()).isEqualTo(400);
		assertThat(this.staff.get("/api/v1/population/roster?asOf=2024-01-01&limit=0").status()).isEqualTo(400);
		assertThat(this.staff.get("/api/v1/population/roster?asOf=2024-01-01&after=garbage").status()).isEqualTo(400);
	}

	private List<JsonNode> readAll(String asOf, int limit) {
		List<JsonNode> all = new ArrayList<>();
		String next = null;
		do {
			TestHttp.Response page = this.staff.get("/api/v1/population/roster?asOf=" + asOf + "&limit=" + limit
					+ ((next != null) ? "&after=" + next : ""));
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			page.json().get("items").forEach(all::add);
			next = page.json().get("next").isNull() ? null : page.at("/next");
		}
		while (next != null);
		return all;
	}

	private static Set<String> ids(List<JsonNode> entries) {
		Set<String> ids = new HashSet<>();
		entries.forEach((e) -> ids.add(e.get("migrantId").asString()));
		return ids;
	}

	private String migrant(LocalDate relocatedOn) {
		return PopulationMother.registerMigrant(this.staff, PopulationMother.TOWNSHIP, relocatedOn).at("/id");
	}

	private void adjust(String migrant, String type, String effective) {
		TestHttp.Response response = this.staff.post("/api/v1/population/migrants/" + migrant + "/adjustments",
				adjustment(type, effective, effective));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

}
