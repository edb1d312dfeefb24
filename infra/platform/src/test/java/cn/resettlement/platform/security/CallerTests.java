package cn.resettlement.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import cn.resettlement.platform.web.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallerTests {

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	private static void authenticate(Map<String, Object> claims) {
		Jwt.Builder jwt = Jwt.withTokenValue("t")
			.header("alg", "RS256")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60));
		claims.forEach(jwt::claim);
		SecurityContextHolder.getContext().setAuthentication(new JwtRoles().convert(jwt.build()));
	}

	@Test
	void readsRolesTownshipAndThePreferredUserName() {
		authenticate(Map.of("sub", "u-1", "preferred_username", "zhang", "roles", List.of("TOWNSHIP_OFFICER"),
				"township", "430582101"));
		Caller caller = Caller.current();
		assertThat(caller.userId()).isEqualTo("zhang");
		assertThat(caller.roles()).containsExactly(Role.TOWNSHIP_OFFICER);
		assertThat(caller.confinedToTownship()).isTrue();
		caller.requireTownship("430582101");
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> caller.requireTownship("430582102"));
		assertThat(caller.townshipFilter(null)).isEqualTo("430582101");
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> caller.townshipFilter("430582102"));
	}

	@Test
	void readsKeycloakRealmRolesWhenThereIsNoRolesClaim() {
		authenticate(Map.of("sub", "u-2", "realm_access", Map.of("roles", List.of("STAFF", "offline_access"))));
		Caller caller = Caller.current();
		assertThat(caller.userId()).isEqualTo("u-2");
		assertThat(caller.roles()).isEqualTo(Set.of(Role.STAFF));
		assertThat(caller.townshipFilter("430582102")).isEqualTo("430582102");
	}

	@Test
	void anOfficerTokenWithoutTownshipIsRefused() {
		authenticate(Map.of("sub", "u-3", "roles", List.of("TOWNSHIP_OFFICER")));
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> Caller.current().townshipFilter(null));
	}

	@Test
	void outsideARequestTheSystemActs() {
		assertThat(Caller.current().userId()).isEqualTo(Caller.SYSTEM);
	}

}
