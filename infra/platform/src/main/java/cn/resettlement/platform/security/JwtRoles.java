package cn.resettlement.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads roles from the {@code roles} claim (or Keycloak's {@code realm_access.roles}) and
 * names the user by {@code preferred_username}, else {@code sub}.
 */
public class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

	public static final String ROLES_CLAIM = "roles";

	public static final String TOWNSHIP_CLAIM = "township";

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		Collection<GrantedAuthority> authorities = new ArrayList<>();
		for (String role : roles(jwt)) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
		}
		String name = jwt.getClaimAsString("preferred_username");
		return new JwtAuthenticationToken(jwt, authorities, (name != null) ? name : jwt.getSubject());
	}

	private static List<String> roles(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
		if (roles != null) {
			return roles;
		}
		Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
		if (realmAccess != null && realmAccess.get("roles") instanceof List<?> list) {
			return list.stream().map(String::valueOf).toList();
		}
		return List.of();
	}

}
