package cn.resettlement.reporting.profile;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** The narrative of a year is edited by administrators with optimistic locking. */
@IntegrationTest
class ProfileIntegrationTests {

	private static final String NARRATIVE = "/api/v1/reports/2019/narrative";

	@Autowired
	RestTestClient client;

	@Test
	void administratorsEditTheNarrativeWithItsETag() {
		TestHttp admin = new TestHttp(this.client).as(TestTokens.admin("zhuren"));
		TestHttp.Response empty = admin.get(NARRATIVE);
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.etag()).isEqualTo("\"0\"");

		TestHttp.Response created = put(admin, NARRATIVE, Map.of("intro", "2019年，全市移民工作平稳有序。"), null);
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		assertThat(created.etag()).isEqualTo("\"1\"");
		assertThat(put(admin, NARRATIVE, Map.of("intro", "改"), null).status()).as("If-Match required").isEqualTo(428);
		assertThat(put(admin, NARRATIVE, Map.of("intro", "改"), "\"7\"").status()).as("stale").isEqualTo(412);
		TestHttp.Response updated = put(admin, NARRATIVE,
				Map.of("intro", "改", "extraItems", java.util.List.of(Map.of("title", "党建工作。", "text", "……"))), "\"1\"");
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.etag()).isEqualTo("\"2\"");
		assertThat(admin.get(NARRATIVE).at("/extraItems/0/title")).isEqualTo("党建工作。");

		TestHttp staff = new TestHttp(this.client).as(TestTokens.staff("tongji"));
		assertThat(put(staff, NARRATIVE, Map.of("intro", "x"), "\"2\"").status()).isEqualTo(403);
		assertThat(new TestHttp(this.client).as(TestTokens.auditor("caizheng")).get(NARRATIVE).status()).isEqualTo(200);
	}

	@Test
	void badNarrativesAndProfilesAreRejected() {
		TestHttp admin = new TestHttp(this.client).as(TestTokens.admin("zhuren"));
		assertThat(put(admin, NARRATIVE, Map.of("unknownField", "x"), null).status()).isEqualTo(400);
		assertThat(put(admin, NARRATIVE, Map.of("trainingTopics", Map.of("COOKING", "烹饪")), null).status())
			.isEqualTo(400);
		assertThat(put(admin, "/api/v1/reports/1999/narrative", Map.of("intro", "x"), null).status()).isEqualTo(400);
		TestHttp.Response hexYear = put(admin, "/api/v1/reports/0x7E5/narrative", Map.of("intro", "x"), null);
		assertThat(hexYear.status()).as("a year in hexadecimal: " + hexYear).isEqualTo(400);
		assertThat(new TestHttp(this.client).as(TestTokens.auditor("caizheng"))
			.get("/api/v1/reports/0x7E5/narrative")
			.status()).isEqualTo(400);
		TestHttp.Response blankTitle = put(admin, NARRATIVE, Map.of("plan", Map.of("title", "   ")), null);
		assertThat(blankTitle.status()).as(blankTitle.toString()).isEqualTo(400);
		assertThat(blankTitle.toString()).contains("plan.title");
		TestHttp.Response nul = put(admin, NARRATIVE, Map.of("intro", "移民\u0000"), null);
		assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
		assertThat(nul.toString()).contains("intro").contains("control characters");
		TestHttp.Response badBudget = put(admin, "/api/v1/reports/profile",
				Map.of("name", "某中心", "budgets", java.util.List.of(Map.of("year", 2024, "total", 1.234))), null);
		assertThat(badBudget.status()).isEqualTo(400);
		assertThat(badBudget.body()).contains("budgets[0].total");
		assertThat(put(admin, "/api/v1/reports/profile", Map.of("townships", java.util.List.of()), null).status())
			.as("a name is required")
			.isEqualTo(400);
		assertThat(new TestHttp(this.client).get("/api/v1/reports/profile").status()).isEqualTo(401);
	}

	private static TestHttp.Response put(TestHttp http, String uri, Object body, String ifMatch) {
		return http.exchange(HttpMethod.PUT, uri, body, (ifMatch != null) ? Map.of("If-Match", ifMatch) : Map.of());
	}

}
