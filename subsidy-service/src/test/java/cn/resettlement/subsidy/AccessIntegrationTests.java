package cn.resettlement.subsidy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.resettlement.platform.security.Role;
import cn.resettlement.subsidy.Fixtures.Person;
import cn.resettlement.testsupport.IntegrationTest;
import cn.resettlement.testsupport.TestHttp;
import cn.resettlement.testsupport.TestTokens;

import static cn.resettlement.subsidy.Fixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roles and township scope: auditors read only, township officers see their township's
 * lines only, card accounts and ID numbers are masked everywhere but in the bank file.
 */
@IntegrationTest
class AccessIntegrationTests {

	private static Person here;

	private static Person there;

	private static String batchId;

	@Autowired
	RestTestClient client;

	Fixtures fixtures;

	@BeforeAll
	static void batchOf2019(@Autowired RestTestClient client) {
		here = Fixtures.register(Fixtures.TOWNSHIP);
		there = Fixtures.register(Fixtures.OTHER_TOWNSHIP);
		Fixtures fixtures = new Fixtures(client);
		fixtures.policy(2019, "ANNUAL");
		batchId = fixtures.generate(2019, "2019").at("/id");
	}

	@BeforeEach
	void setUp() {
		this.fixtures = new Fixtures(this.client);
	}

	@Test
	void auditorsReadButChangeNothing() {
		TestHttp auditor = this.fixtures.as(TestTokens.auditor("audrey"));
		assertThat(auditor.get(BASE + "/batches/" + batchId).status()).isEqualTo(200);
		assertThat(auditor.get(BASE + "/batches?year=2019").at("/total")).isEqualTo("1");
		assertThat(auditor.get(BASE + "/batches/" + batchId + "/lines").status()).isEqualTo(200);
		assertThat(auditor.get(BASE + "/policies/2019").at("/frequency")).isEqualTo("ANNUAL");
		assertThat(auditor.get(BASE + "/overpayments").status()).isEqualTo(200);
		assertThat(auditor.post(BASE + "/batches", Map.of("year", 2019, "period", "2019")).status()).isEqualTo(403);
		assertThat(auditor.put(BASE + "/policies/2019", Map.of("annualAmount", 700)).status()).isEqualTo(403);
		assertThat(auditor.post(BASE + "/batches/" + batchId + "/approve", null).status()).isEqualTo(403);
		assertThat(auditor.post(BASE + "/batches/" + batchId + "/reissue", null).status()).isEqualTo(403);
		assertThat(auditor.get(BASE + "/batches/" + batchId + "/bank-file").status())
			.as("the bank file carries full card accounts")
			.isEqualTo(403);
		assertThat(this.fixtures.staff().get(BASE + "/batches/" + batchId).at("/status")).isEqualTo("DRAFT");
	}

	@Test
	void townshipOfficersSeeTheirTownshipsLinesOnly() {
		TestHttp officer = this.fixtures.as(TestTokens.officer("olga", Fixtures.TOWNSHIP));
		TestHttp.Response lines = officer.get(BASE + "/batches/" + batchId + "/lines?size=500");
		assertThat(lines.status()).isEqualTo(200);
		JsonNode items = lines.json().get("items");
		assertThat(items.valueStream()).isNotEmpty()
			.allSatisfy((l) -> assertThat(l.get("townshipCode").asString()).isEqualTo(Fixtures.TOWNSHIP));
		assertThat(items.valueStream().map((l) -> l.get("migrantId").asString())).contains(here.id())
			.doesNotContain(there.id());
		assertThat(
				officer.get(BASE + "/batches/" + batchId + "/lines?townshipCode=" + Fixtures.OTHER_TOWNSHIP).status())
			.isEqualTo(403);
		assertThat(officer.post(BASE + "/batches/" + batchId + "/approve", null).status()).isEqualTo(403);
		assertThat(officer.post(BASE + "/batches", Map.of("year", 2019, "period", "2019")).status()).isEqualTo(403);
		assertThat(officer.get(BASE + "/batches/" + batchId + "/bank-file").status()).isEqualTo(403);
		TestHttp noTownship = this.fixtures.as(TestTokens.token("oscar", null, Role.TOWNSHIP_OFFICER));
		assertThat(noTownship.get(BASE + "/batches/" + batchId + "/lines").status()).isEqualTo(403);
	}

	@Test
	void listsMaskIdNumbersAndCardAccounts() {
		TestHttp.Response lines = this.fixtures.staff()
			.get(BASE + "/batches/" + batchId + "/lines?townshipCode=" + Fixtures.TOWNSHIP + "&size=500");
		JsonNode line = lines.json()
			.get("items")
			.valueStream()
			.filter((l) -> l.get("migrantId").asString().equals(here.id()))
			.findFirst()
			.orElseThrow();
		assertThat(line.get("idNumber").asString())
			.isEqualTo(here.idNumber().substring(0, 6) + "********" + here.idNumber().substring(14));
		assertThat(line.get("cardAccount").asString())
			.isEqualTo("*".repeat(here.cardAccount().length() - 4) + here.cardAccount().substring(12));
		assertThat(lines.body()).doesNotContain(here.cardAccount()).doesNotContain(here.idNumber());
	}

	@Test
	void requestsWithoutAValidTokenAreRefused() {
		assertThat(new TestHttp(this.client).get(BASE + "/batches/" + batchId).status()).isEqualTo(401);
		String expired = TestTokens.builder("alice", null, Role.STAFF).expiredAgo(Duration.ofMinutes(5)).sign();
		assertThat(this.fixtures.as(expired).get(BASE + "/batches/" + batchId).status()).isEqualTo(401);
		String foreign = TestTokens.builder("alice", null, Role.STAFF).signedWithUnknownKey().sign();
		assertThat(this.fixtures.as(foreign).post(BASE + "/batches", Map.of("year", 2019, "period", "2019")).status())
			.isEqualTo(401);
	}

}
