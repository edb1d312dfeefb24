package cn.resettlement.gateway;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.resettlement.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who the caller is travels only in the token: identity headers a client sets are removed
 * before the request is forwarded, and cannot raise anyone's rights.
 */
class IdentityHeadersIntegrationTests {

	private static final Map<String, String> SPOOFED = Map.of("X-User", "admin", "X-User-Id", "admin", "X-Roles",
			"ADMIN", "X-Township", Platform.OTHER_TOWNSHIP, "X-Forwarded-User", "admin", "X-Auth-Request-User", "admin",
			"X-Remote-User", "admin", "Remote-User", "admin", "X-Forwarded-Groups", "ADMIN", "X-Userinfo",
			"eyJzdWIiOiJhZG1pbiJ9");

	private final Platform platform = Platform.get();

	@Test
	void identityHeadersNeverReachAService() {
		String path = "/api/v1/subsidies/batches/" + UUID.randomUUID();
		Http client = this.platform.http().as(TestTokens.auditor(Platform.user("spoofer")));
		for (Map.Entry<String, String> header : SPOOFED.entrySet()) {
			client = client.with(header.getKey(), header.getValue());
		}

		Http.Response response = client.with("Accept-Language", "zh-CN").get(path);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		StubService.Received received = this.platform.subsidies.receivedAt(path).get(0);
		for (String name : SPOOFED.keySet()) {
			assertThat(received.header(name)).as(name).isNull();
		}
		assertThat(received.header("Accept-Language")).as("other headers pass").isEqualTo("zh-CN");
	}

	@Test
	void spoofedHeadersGiveAnAuditorNoRightToWrite() {
		Http client = this.platform.http().as(TestTokens.auditor(Platform.user("spoofing-auditor")));
		for (Map.Entry<String, String> header : SPOOFED.entrySet()) {
			client = client.with(header.getKey(), header.getValue());
		}

		Http.Response response = client.post("/api/v1/population/households",
				PopulationFixtures.householdBody(Platform.OWN_TOWNSHIP));

		assertThat(response.status()).as(response.toString()).isEqualTo(403);
	}

	@Test
	void aSpoofedTownshipHeaderGivesAnOfficerNoOtherTownship() {
		PopulationFixtures.Migrant other = new PopulationFixtures(this.platform.http())
			.registerMigrant(Platform.OTHER_TOWNSHIP);
		Http officer = this.platform.http()
			.as(TestTokens.officer(Platform.user("spoofing-officer"), Platform.OWN_TOWNSHIP))
			.with("X-Township", Platform.OTHER_TOWNSHIP);

		List<Integer> statuses = List.of(officer.get("/api/v1/population/migrants/" + other.id()).status(),
				officer.get("/api/v1/population/migrants?townshipCode=" + Platform.OTHER_TOWNSHIP).status());

		assertThat(statuses).containsOnly(403);
	}

}
