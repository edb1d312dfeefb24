package cn.resettlement.petition.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.petition.PetitionMother;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ledger queries by period, township, category, status, channel and size, over petitions
 * received in 2023 (no other test records that year).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerQueryIntegrationTests {

	private static final String EAST = "430582131";

	private static final String WEST = "430582132";

	private TestHttp staff;

	private String roadInMarch;

	private String letterInJune;

	private String collectiveInJune;

	private String closedInNovember;

	@BeforeAll
	void recordPetitions(@Autowired RestTestClient client) {
		this.staff = new TestHttp(client).as(TestTokens.staff("alice"));
		Map<String, Object> road = PetitionMother.petition(LocalDate.of(2023, 3, 8), 2, EAST);
		road.put("category", "ROAD");
		this.roadInMarch = PetitionMother.register(this.staff, road).at("/id");
		Map<String, Object> letter = PetitionMother.petition(LocalDate.of(2023, 6, 1), 1, WEST);
		letter.put("channel", "LETTER");
		letter.put("category", "SUBSIDY");
		this.letterInJune = PetitionMother.register(this.staff, letter).at("/id");
		this.collectiveInJune = PetitionMother.registered(this.staff, LocalDate.of(2023, 6, 30), 12, EAST);
		PetitionMother.accept(this.staff, this.collectiveInJune, LocalDate.of(2023, 7, 3));
		this.closedInNovember = PetitionMother.closed(this.staff,
				PetitionMother.petition(LocalDate.of(2023, 11, 20), 3, WEST), LocalDate.of(2023, 11, 22),
				LocalDate.of(2023, 12, 20), LocalDate.of(2023, 12, 22));
	}

	@Test
	void filtersByPeriodTownshipCategoryStatusChannelAndSize() {
		assertThat(ids("year=2023")).containsExactly(this.closedInNovember, this.collectiveInJune, this.letterInJune,
				this.roadInMarch);
		assertThat(ids("from=2023-06-01&to=2023-06-30")).containsExactly(this.collectiveInJune, this.letterInJune);
		assertThat(ids("year=2023&townshipCode=" + EAST)).containsExactly(this.collectiveInJune, this.roadInMarch);
		assertThat(ids("year=2023&category=ROAD")).containsExactly(this.roadInMarch);
		assertThat(ids("year=2023&status=CLOSED")).containsExactly(this.closedInNovember);
		assertThat(ids("year=2023&channel=LETTER")).containsExactly(this.letterInJune);
		assertThat(ids("year=2023&collective=true")).containsExactly(this.collectiveInJune);
		assertThat(ids("year=2023&overdue=true")).as("pending since 2023")
			.containsExactly(this.collectiveInJune, this.letterInJune, this.roadInMarch);

		TestHttp.Response page = this.staff.get(PetitionMother.BASE + "?year=2023&page=1&size=3");
		assertThat(page.at("/total")).isEqualTo("4");
		assertThat(page.at("/page")).isEqualTo("1");
		assertThat(page.at("/items/0/id")).isEqualTo(this.roadInMarch);
		assertThat(page.at("/items/0/acceptDue")).isEqualTo("2023-03-23");
		assertThat(page.at("/items/0/currentDeadline")).isEqualTo("ACCEPTANCE");
	}

	@Test
	void badQueriesAreFourHundredProblems() {
		for (String query : List.of("year=2023&from=2023-01-01", "from=2023-07-01&to=2023-06-01", "year=1999",
				"from=2023-02-30", "status=LOST", "category=TAXES", "townshipCode=4305821", "size=501", "page=-1",
				"overdue=maybe", "year=abc")) {
			TestHttp.Response response = this.staff.get(PetitionMother.BASE + "?" + query);
			assertThat(response.status()).as(query + " → " + response).isEqualTo(400);
			assertThat(response.contentType()).hasToString("application/problem+json");
		}
		assertThat(this.staff.get(PetitionMother.BASE + "/summary").status()).as("year is required").isEqualTo(400);
		assertThat(this.staff.get(PetitionMother.BASE + "/summary?year=20233").status()).isEqualTo(400);
		assertThat(this.staff.get(PetitionMother.BASE + "/ledger.xlsx?from=2023-07-01&to=2023-06-01").status())
			.isEqualTo(400);
		assertThat(this.staff.get(PetitionMother.BASE + "/not-a-uuid").status()).isEqualTo(400);
	}

	@Test
	void theSummaryOfAYearCountsOnlyPetitionsReceivedInIt() {
		TestHttp.Response summary = this.staff.get(PetitionMother.BASE + "/summary?year=2023");
		assertThat(summary.at("/batches")).isEqualTo("4");
		assertThat(summary.at("/personTimes")).isEqualTo("18");
		assertThat(summary.at("/accepted")).isEqualTo("2");
		assertThat(summary.at("/closed")).isEqualTo("1");
		assertThat(summary.at("/pendingDecision")).isEqualTo("2");
		assertThat(summary.at("/resolutionRatePercent")).isEqualTo("50.0");
		assertThat(summary.at("/acceptanceOnTime/due")).as("two decided, two past their deadline").isEqualTo("4");
		assertThat(summary.at("/acceptanceOnTime/ratePercent")).isEqualTo("50.0");
		assertThat(summary.at("/replyOnTime/due")).as("one replied, one past its deadline").isEqualTo("2");
		assertThat(summary.at("/byChannel/LETTER/batches")).isEqualTo("1");
		assertThat(
				this.staff.get(PetitionMother.BASE + "/summary?year=2022").json().get("resolutionRatePercent").isNull())
			.as("nothing accepted: no rate")
			.isTrue();
	}

	private List<String> ids(String query) {
		TestHttp.Response list = this.staff.get(PetitionMother.BASE + "?" + query);
		assertThat(list.status()).as(query + " → " + list).isEqualTo(200);
		return list.json().get("items").valueStream().map((item) -> item.get("id").asString()).toList();
	}

}
