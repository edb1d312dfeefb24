package cn.resettlement.gateway.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityConfigurationTests {

	@Test
	void namesTheUserByPreferredUsernameElseSubjectLikeTheServices() {
		AbstractAuthenticationToken keycloak = SecurityConfiguration
			.authentication(jwt(Map.of("sub", "6f1c2a9e", "preferred_username", "dev-staff")))
			.block();
		AbstractAuthenticationToken development = SecurityConfiguration.authentication(jwt(Map.of("sub", "alice")))
			.block();

		assertThat(keycloak.getName()).isEqualTo("dev-staff");
		assertThat(development.getName()).isEqualTo("alice");
	}

	@Test
	void readsRolesFromTheRolesClaimElseKeycloaksRealmAccess() {
		AbstractAuthenticationToken platform = SecurityConfiguration
			.authentication(jwt(Map.of("sub", "a", "roles", List.of("ADMIN", "STAFF"))))
			.block();
		AbstractAuthenticationToken keycloak = SecurityConfiguration
			.authentication(jwt(Map.of("sub", "a", "realm_access", Map.of("roles", List.of("AUDITOR")))))
			.block();

		assertThat(platform.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_ADMIN", "ROLE_STAFF");
		assertThat(keycloak.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_AUDITOR");
	}

	private static Jwt jwt(Map<String, Object> claims) {
		return Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.claims((c) -> c.putAll(claims))
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
	}

}
