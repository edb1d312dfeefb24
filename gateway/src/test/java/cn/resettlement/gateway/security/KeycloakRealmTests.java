package cn.resettlement.gateway.security;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Keycloak realm shipped for Docker Compose issues tokens the platform reads: realm
 * roles in a {@code roles} claim, the user attribute {@code township} in a
 * {@code township} claim, audience {@code resettlement}; and its users are clearly
 * development users.
 */
class KeycloakRealmTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonNode realm = JSON.readTree(Path.of("../infra/keycloak/resettlement-realm.json").toFile());

	@Test
	void definesThePlatformsRoles() {
		assertThat(this.realm.at("/roles/realm").valueStream().map((r) -> r.get("name").asString()))
			.containsExactlyInAnyOrder("ADMIN", "STAFF", "TOWNSHIP_OFFICER", "AUDITOR");
	}

	@Test
	void everyClientPutsRolesTownshipAndAudienceIntoItsTokens() {
		for (JsonNode client : this.realm.get("clients")) {
			List<JsonNode> mappers = client.get("protocolMappers").valueStream().toList();
			assertThat(mappers).as(client.get("clientId").asString()).anySatisfy((m) -> {
				assertThat(m.get("protocolMapper").asString()).isEqualTo("oidc-usermodel-realm-role-mapper");
				assertThat(m.at("/config/claim.name").asString()).isEqualTo("roles");
				assertThat(m.at("/config/multivalued").asString()).isEqualTo("true");
				assertThat(m.at("/config/access.token.claim").asString()).isEqualTo("true");
			}).anySatisfy((m) -> {
				assertThat(m.get("protocolMapper").asString()).isEqualTo("oidc-usermodel-attribute-mapper");
				assertThat(m.at("/config/user.attribute").asString()).isEqualTo("township");
				assertThat(m.at("/config/claim.name").asString()).isEqualTo("township");
				assertThat(m.at("/config/access.token.claim").asString()).isEqualTo("true");
			}).anySatisfy((m) -> {
				assertThat(m.get("protocolMapper").asString()).isEqualTo("oidc-audience-mapper");
				assertThat(m.at("/config/included.custom.audience").asString()).isEqualTo("resettlement");
				assertThat(m.at("/config/access.token.claim").asString()).isEqualTo("true");
			});
		}
	}

	@Test
	void theUserProfileDeclaresTheTownshipAttribute() {
		String config = this.realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config")
			.get("kc.user.profile.config")
			.get(0)
			.asString();
		JsonNode township = JSON.readTree(config)
			.get("attributes")
			.valueStream()
			.filter((a) -> a.get("name").asString().equals("township"))
			.findFirst()
			.orElseThrow();

		assertThat(township.at("/validations/pattern/pattern").asString()).isEqualTo("^[0-9]{9}$");
		assertThat(township.at("/permissions/edit").valueStream().map(JsonNode::asString)).containsExactly("admin");
	}

	@Test
	void itsUsersAreClearlyDevelopmentUsersAndOfficersHaveATownship() {
		assertThat(this.realm.get("users")).allSatisfy((user) -> {
			assertThat(user.get("username").asString()).startsWith("dev-");
			assertThat(user.get("firstName").asString()).isEqualTo("DEV ONLY");
			boolean officer = user.get("realmRoles")
				.valueStream()
				.anyMatch((r) -> r.asString().equals("TOWNSHIP_OFFICER"));
			if (officer) {
				assertThat(user.at("/attributes/township/0").asString()).matches("[0-9]{9}");
			}
		});
	}

}
